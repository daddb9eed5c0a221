package cn.zhaoshang.merchant;

import static cn.zhaoshang.merchant.MerchantTestData.marker;
import static cn.zhaoshang.merchant.MerchantTestData.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/merchants} end to end with bearer tokens of the demo accounts (on H2 and PostgreSQL): list and
 * search, create with 201 and Location, duplicates as 409 with candidates, versioned edits, masking per role, the
 * import's 422 with row and column, and the export.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantApiTests {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user)).characterEncoding("UTF-8"));
	}

	String token(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached != null) {
			return cached;
		}
		var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", user, "password", "Demo@2026")))).andReturn();
		String token = JsonPath.read(result.getResponse().getContentAsString(), "$.token");
		TOKENS.put(user, token);
		return token;
	}

	static Map<String, Object> body(String name, String uscc) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("uscc", uscc);
		body.put("enterpriseType", "FOREIGN");
		body.put("headquarters", "新加坡");
		body.put("tags", List.of("OVERSEAS_CHINESE"));
		body.put("aliases", List.of(name + "（新加坡）"));
		body.put("contacts", List.of(Map.of("name", "林先生", "title", "董事", "phone", "13912345678", "email",
				"lin@example.sg", "wechat", "lin_sg")));
		return body;
	}

	long create(String user, Map<String, Object> body) throws Exception {
		var response = as(user, post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn().getResponse();
		return ((Number) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
	}

	@Test
	void creating_answers_201_with_location_and_a_duplicate_409_with_its_candidates() throws Exception {
		String m = marker();
		String code = uscc();
		var created = as("hualong", post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body("濮阳市" + m + "化工有限公司", code))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/merchants/")))
			.andExpect(jsonPath("$.registeringUnit").value("华龙区"))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.contacts[0].phone").value("13912345678"))
			.andReturn()
			.getResponse();
		long id = ((Number) JsonPath.read(created.getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
		assertThat(created.getHeader("Location")).endsWith("/api/v1/merchants/" + id);

		as("qingfeng", post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body(m + "化工（濮阳）有限公司", null))))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.candidates[0].id").value(id))
			.andExpect(jsonPath("$.candidates[0].reason").value("name"))
			.andExpect(jsonPath("$.candidates[0].href").value("/api/v1/merchants/" + id));
		as("city", post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body(marker() + "贸易有限公司", code))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.candidates[0].reason").value("uscc"));
	}

	@Test
	void invalid_input_is_422_naming_each_field_in_chinese() throws Exception {
		var body = body("", "91410900MA46Y3T250");
		body.remove("enterpriseType");

		as("hualong", post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("名称：不能为空"))
			.andExpect(jsonPath("$.errors[?(@.field == 'uscc')].message")
				.value("统一社会信用代码：不是有效的统一社会信用代码（18 位，校验位不符）"))
			.andExpect(jsonPath("$.errors[?(@.field == 'enterpriseType')].message").value("企业类型：不能为空"));
		as("leader", post("/api/v1/merchants").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body(marker() + "有限公司", null))))
			.andExpect(status().isForbidden());
	}

	@Test
	void an_edit_needs_the_version_read_and_a_stale_one_is_409() throws Exception {
		String name = marker() + "精密机械有限公司";
		long id = create("hualong", body(name, null));
		var edit = body(name, null);
		edit.put("headquarters", "日本名古屋");
		edit.put("version", 0);

		as("hualong.staff", put("/api/v1/merchants/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(edit)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headquarters").value("日本名古屋"))
			.andExpect(jsonPath("$.version").value(1));
		edit.put("headquarters", "德国");
		as("city", put("/api/v1/merchants/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(edit)))
			.andExpect(status().isConflict());
		as("qingfeng", put("/api/v1/merchants/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(edit)))
			.andExpect(status().isForbidden());
		as("viewer", get("/api/v1/merchants/" + id)).andExpect(jsonPath("$.headquarters").value("日本名古屋"))
			.andExpect(jsonPath("$.editable").value(false));
	}

	@Test
	void contacts_are_masked_for_leaders_and_viewers_in_the_api_and_the_export() throws Exception {
		String m = marker();
		long id = create("hualong", body(m + "食品有限公司", null));

		for (String user : List.of("admin", "city", "hualong", "hualong.staff")) {
			as(user, get("/api/v1/merchants/" + id)).andExpect(jsonPath("$.contacts[0].phone").value("13912345678"))
				.andExpect(jsonPath("$.contacts[0].email").value("lin@example.sg"))
				.andExpect(jsonPath("$.contacts[0].wechat").value("lin_sg"));
		}
		for (String user : List.of("leader", "viewer")) {
			as(user, get("/api/v1/merchants/" + id)).andExpect(jsonPath("$.contacts[0].phone").value("139****5678"))
				.andExpect(jsonPath("$.contacts[0].email").value("l***@example.sg"))
				.andExpect(jsonPath("$.contacts[0].wechat").value("l***g"))
				.andExpect(jsonPath("$.contacts[0].name").value("林先生"));
		}
		as("agent", get("/api/v1/merchants/" + id)).andExpect(status().isForbidden());

		byte[] viewerSheet = as("viewer", get("/api/v1/merchants/export.xlsx").param("q", m)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		byte[] citySheet = as("city", get("/api/v1/merchants/export.xlsx").param("q", m)).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(contactsCell(viewerSheet)).isEqualTo("林先生|董事|139****5678|l***@example.sg|l***g");
		assertThat(contactsCell(citySheet)).isEqualTo("林先生|董事|13912345678|lin@example.sg|lin_sg");
	}

	private static String contactsCell(byte[] xlsx) throws Exception {
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(0).getCell(14).getStringCellValue()).isEqualTo("联系人");
			return sheet.getRow(1).getCell(14).getStringCellValue();
		}
	}

	@Test
	void the_list_finds_by_any_part_of_the_name_an_alias_or_the_uscc_and_filters() throws Exception {
		String m = marker();
		String code = uscc();
		long id = create("hualong", body("河南" + m + "生物科技有限公司", code));

		as("viewer", get("/api/v1/merchants").param("q", m + "生物")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].tags[0]").value("OVERSEAS_CHINESE"));
		as("viewer", get("/api/v1/merchants").param("q", "（新加坡）").param("type", "FOREIGN"))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isNotEmpty());
		as("viewer", get("/api/v1/merchants").param("q", code.substring(8).toLowerCase()))
			.andExpect(jsonPath("$.items[0].id").value(id));
		as("viewer", get("/api/v1/merchants").param("q", m).param("type", "PRIVATE"))
			.andExpect(jsonPath("$.total").value(0));
		as("viewer", get("/api/v1/merchants").param("q", m).param("tag", "TAIWANESE"))
			.andExpect(jsonPath("$.total").value(0));
		as("viewer", get("/api/v1/merchants").param("sort", "name").param("dir", "asc").param("size", "5"))
			.andExpect(jsonPath("$.size").value(5))
			.andExpect(jsonPath("$.items.length()").value(5));
		as("viewer", get("/api/v1/merchants").param("type", "STATE")).andExpect(status().isBadRequest());
	}

	@Test
	void an_import_with_errors_is_422_with_row_column_and_reason_and_a_good_one_reports_counts() throws Exception {
		String m = marker();
		byte[] bad = MerchantImportTests.workbook(MerchantImportTests.HEADERS,
				MerchantImportTests.row(m + "化工有限公司", "91410900MA46Y3T250", "民营"));
		as("hualong", multipart("/api/v1/merchants/import").file(new MockMultipartFile("file", "客商.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("统一社会信用代码"))
			.andExpect(jsonPath("$.errors[0].message").value("不是有效的统一社会信用代码（18 位，校验位不符）"));

		byte[] good = MerchantImportTests.workbook(MerchantImportTests.HEADERS,
				MerchantImportTests.row(m + "化工有限公司", null, "民营"));
		as("hualong", multipart("/api/v1/merchants/import").file(new MockMultipartFile("file", "客商.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(0));
		as("hualong", multipart("/api/v1/merchants/import").file(new MockMultipartFile("file", "客商.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good)))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
	}
}
