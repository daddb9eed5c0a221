package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.support.ApiTestSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The ledger's REST API end to end (MockMvc and, for the upload limit, a real HTTP request), on H2 and on
 * PostgreSQL, signed in with bearer tokens of the demo accounts. All tests share one context and so one database
 * (with the demo data): each creates its own projects, named with a random Chinese marker, and filters by it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class ProjectApiTests extends ApiTestSupport {

	static final Random RANDOM = new Random();

	@Autowired
	ApplicationEvents events;

	@LocalServerPort
	int port;

	LocalDate today = LocalDate.now();

	@Autowired
	CountedMoves counted;

	final List<Long> created = new ArrayList<>();

	/**
	 * The writers of stage moves (apply, submit, approve, return, move back, hold, drop, resume) leave each project's
	 * counted intervals (ADR 0016) exactly as recomputing them from its moves gives.
	 */
	@AfterEach
	void counted_intervals_follow_every_move() {
		if (created.isEmpty()) {
			return;
		}
		String rows = "SELECT move_id, to_stage, amount, effective_date, counted_from, counted_to FROM project_counted_move"
				+ " WHERE project_id IN (:p) ORDER BY move_id, counted_from";
		var written = jdbc.sql(rows).param("p", created).query().listOfRows();
		counted.refresh(created);
		assertThat(jdbc.sql(rows).param("p", created).query().listOfRows()).isEqualTo(written);
	}

	// ================================================================ create and validate

	@Test
	void creating_a_project_answers_201_with_location_and_the_project() throws Exception {
		String m = marker();
		var body = new LinkedHashMap<String, Object>(minimal(m + "智能家居产业园项目", m + "家居科技有限公司", "hualong", "smart-home"));
		body.put("investorUscc", "91410900MA40A1B2X3".substring(0, 17) + checkChar("91410900MA40A1B2X"));
		body.put("foreignInvestment", 350);
		body.put("keyProject", true);
		body.put("leaderId", person("王强"));
		body.put("chiefAttendantId", person("张伟"));
		body.put("introducers", "刘洋");
		body.put("chainLink", "智能家具整装");
		body.put("promotionMode", "SUPPLY_CHAIN");
		body.put("annualOutput", 80000);
		body.put("annualTax", 3200.5);
		body.put("jobs", 600);
		body.put("landNeedMu", 150);
		body.put("factoryNeedM2", 60000);
		body.put("problems", "需协调电力增容");
		body.put("description", "建设智能家居生产线 8 条");

		var result = as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/projects/")))
			.andExpect(jsonPath("$.code").value(startsWith("PY-" + today.getYear() + "-")))
			.andExpect(jsonPath("$.name").value(m + "智能家居产业园项目"))
			.andExpect(jsonPath("$.unitName").value("华龙区"))
			.andExpect(jsonPath("$.chainName").value("智能家居"))
			.andExpect(jsonPath("$.type").value("NEW"))
			.andExpect(jsonPath("$.stage").value("NEGOTIATING"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.keyProject").value(true))
			.andExpect(jsonPath("$.leaderName").value("王强"))
			.andExpect(jsonPath("$.chiefAttendantName").value("张伟"))
			.andExpect(jsonPath("$.promotionMode").value("SUPPLY_CHAIN"))
			.andExpect(jsonPath("$.jobs").value(600))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.editable").value(true))
			.andExpect(jsonPath("$.timeline").isEmpty())
			.andReturn();
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(text, "$.id")).longValue();
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/projects/" + id);
		// amounts are JSON numbers with two decimals
		assertThat(text).contains("\"plannedInvestment\":12000.00", "\"foreignInvestment\":350.00",
				"\"annualTax\":3200.50");
		assertThat(audits(id, "CREATE")).isEqualTo(1);

		as("hualong", get("/api/v1/projects/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.investorUscc").value(JsonPath.<String>read(text, "$.investorUscc")))
			.andExpect(jsonPath("$.problems").value("需协调电力增容"));
	}

	@Test
	void the_smallest_valid_body_creates_a_project() throws Exception {
		String m = marker();
		long id = create("hualong", minimal(m + "冷链物流园项目", m + "物流有限公司", "hualong", "logistics"));
		as("city", get("/api/v1/projects/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.keyProject").value(false))
			.andExpect(jsonPath("$.investorName").value(m + "物流有限公司"))
			.andExpect(jsonPath("$.editable").value(true));
	}

	@Test
	void an_empty_name_and_a_negative_amount_are_refused_naming_both_fields() throws Exception {
		var body = new LinkedHashMap<>(minimal("", "某某公司", "hualong", "chemical"));
		body.put("plannedInvestment", -5);
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("名称：不能为空"))
			.andExpect(jsonPath("$.errors[?(@.field == 'plannedInvestment')].message")
				.value("计划总投资（万元）：不能为负数"));
	}

	@Test
	void an_amount_with_three_decimals_is_refused() throws Exception {
		var body = new LinkedHashMap<>(minimal(marker() + "项目", "某某公司", "hualong", "chemical"));
		body.put("plannedInvestment", new BigDecimal("100.125"));
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("plannedInvestment"))
			.andExpect(jsonPath("$.errors[0].message").value("计划总投资（万元）：最多 12 位整数、2 位小数"));
	}

	@Test
	void a_bad_uscc_is_refused_with_the_chinese_message() throws Exception {
		var body = new LinkedHashMap<>(minimal(marker() + "项目", marker() + "公司", "hualong", "chemical"));
		String valid = "91410900MA40A1B2X" + checkChar("91410900MA40A1B2X");
		body.put("investorUscc", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("提交的数据未通过校验。"))
			.andExpect(jsonPath("$.errors[0].field").value("investorUscc"))
			.andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码：不是有效的统一社会信用代码（18 位，校验位不符）"));
	}

	@Test
	void an_unknown_unit_or_chain_is_refused() throws Exception {
		var body = new LinkedHashMap<>(minimal(marker() + "项目", "某某公司", "hualong", "chemical"));
		body.put("unitId", 999_999);
		as("admin", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"))
			.andExpect(jsonPath("$.errors[0].message").value("所属单位：所选项目不存在"));
		body = new LinkedHashMap<>(minimal(marker() + "项目", "某某公司", "hualong", "chemical"));
		body.put("chainId", 999_999);
		as("admin", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("chainId"));
	}

	@Test
	void a_county_user_cannot_create_a_project_of_another_county() throws Exception {
		String m = marker();
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(minimal(m + "项目", m + "公司", "qingfeng", "down"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"))
			.andExpect(jsonPath("$.errors[0].message").value("所属单位：只能选择本单位及下级单位作为落地单位"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name = :n").param("n", m + "项目").query(Long.class).single())
			.isZero();
	}

	@Test
	void the_same_project_of_the_same_investor_is_refused_twice() throws Exception {
		String m = marker();
		var body = minimal(m + "项目", m + "公司", "hualong", "chemical");
		create("hualong", body);
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void unknown_enum_values_and_malformed_json_are_400_naming_the_field() throws Exception {
		var body = new LinkedHashMap<>(minimal(marker() + "项目", "某某公司", "hualong", "chemical"));
		body.put("type", "JOINT_VENTURE");
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("NEW, EXPANSION, RETURN, FOREIGN")));

		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("JSON")));

		long id = create("hualong", minimal(marker() + "项目", "某某公司", "hualong", "chemical"));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"DONE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(containsString("NEGOTIATING, SIGNED, COMMENCED, IN_PRODUCTION")));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"SIGNED\",\"date\":\"2026-13-45\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		as("hualong", get("/api/v1/projects/abc")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	// ================================================================ list, filters, sums, paging

	@Test
	void list_filters_each_narrow_the_set_and_sums_cover_the_whole_filtered_set() throws Exception {
		String m = marker();
		long a = create("admin", with(minimal(m + "羽绒制品产业园", m + "鸿达实业有限公司", "hualong", "down"),
				"plannedInvestment", 30000, "keyProject", true, "chiefAttendantId", person("张伟"), "leaderId",
				person("王强")));
		long b = create("admin", with(minimal(m + "化工新材料项目", m + "华信化工有限公司", "hualong", "chemical"),
				"plannedInvestment", 120000, "type", "EXPANSION"));
		long c = create("admin", with(minimal(m + "返乡创业食品加工项目", m + "乡味食品有限公司", "qingfeng", "green-food"),
				"plannedInvestment", 8000.5, "type", "RETURN", "chiefAttendantId", person("陈静")));
		long d = create("admin", with(minimal(m + "外资装备制造项目", m + "德科装备有限公司", "etdz", "equipment"),
				"plannedInvestment", 45000, "type", "FOREIGN", "foreignInvestment", 2000, "keyProject", true));
		long e = create("admin", with(minimal(m + "文旅综合体项目", m + "鸿达文旅有限公司", "puyang", "culture-tourism"),
				"plannedInvestment", 60000));
		// b and d signed (d a month earlier), e on hold
		sign("admin", b, today.minusDays(10), 110000);
		sign("admin", d, today.minusDays(40), 44000.25);
		as("admin", post("/api/v1/projects/" + e + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("toStatus", "ON_HOLD", "reason", "文旅用地规划调整中"))))
			.andExpect(status().isCreated());

		// the whole marked set, seen by a county user (the city pool is readable)
		var all = list("hualong", "q=" + m);
		assertThat(ids(all)).containsExactlyInAnyOrder(a, b, c, d, e);
		assertThat(((Number) JsonPath.read(all, "$.total")).longValue()).isEqualTo(5);
		assertThat(new BigDecimal(JsonPath.read(all, "$.sums.plannedInvestment").toString()))
			.isEqualByComparingTo("263000.50");
		assertThat(new BigDecimal(JsonPath.read(all, "$.sums.contractedInvestment").toString()))
			.isEqualByComparingTo("154000.25");

		// Chinese substrings of the project name and of the investor name
		assertThat(ids(list("hualong", "q=" + m + "羽绒"))).containsExactly(a);
		assertThat(ids(list("hualong", "q=" + m + "鸿达"))).containsExactlyInAnyOrder(a, e);
		assertThat(ids(list("hualong", "q=" + m + "华信化工"))).containsExactly(b);

		assertThat(ids(list("city", "q=" + m + "&unit=" + unit("hualong")))).containsExactlyInAnyOrder(a, b);
		assertThat(ids(list("city", "q=" + m + "&stage=SIGNED"))).containsExactlyInAnyOrder(b, d);
		assertThat(ids(list("city", "q=" + m + "&stage=NEGOTIATING&status=ACTIVE"))).containsExactlyInAnyOrder(a, c);
		assertThat(ids(list("city", "q=" + m + "&status=ON_HOLD"))).containsExactly(e);
		assertThat(ids(list("city", "q=" + m + "&chain=" + chain("chemical")))).containsExactly(b);
		assertThat(ids(list("city", "q=" + m + "&type=RETURN"))).containsExactly(c);
		assertThat(ids(list("city", "q=" + m + "&key=true"))).containsExactlyInAnyOrder(a, d);
		assertThat(ids(list("city", "q=" + m + "&key=false"))).containsExactlyInAnyOrder(b, c, e);
		assertThat(ids(list("city", "q=" + m + "&attendant=" + person("张伟")))).containsExactly(a);
		assertThat(ids(list("city", "q=" + m + "&leader=" + person("王强")))).containsExactly(a);
		assertThat(ids(list("city", "q=" + m + "&amountOf=planned&min=30000&max=60000")))
			.containsExactlyInAnyOrder(a, d, e);
		// bounds without amountOf apply to planned investment
		assertThat(ids(list("city", "q=" + m + "&min=100000"))).containsExactly(b);
		assertThat(ids(list("city", "q=" + m + "&amountOf=contracted&max=50000"))).containsExactly(d);
		assertThat(ids(list("city", "q=" + m + "&dateOf=signed&from=" + today.minusDays(20) + "&to=" + today)))
			.containsExactly(b);
		assertThat(ids(list("city", "q=" + m + "&dateOf=signed&to=" + today.minusDays(20)))).containsExactly(d);

		// the sums are those of the filtered set, not of the page
		var page1 = list("city", "q=" + m + "&type=NEW&size=1&sort=planned&dir=desc");
		assertThat(ids(page1)).containsExactly(e);
		assertThat(((Number) JsonPath.read(page1, "$.total")).longValue()).isEqualTo(2);
		assertThat(new BigDecimal(JsonPath.read(page1, "$.sums.plannedInvestment").toString()))
			.isEqualByComparingTo("90000");
		assertThat(page1).contains("\"plannedInvestment\":90000.00");
	}

	@Test
	void paging_and_sorting_are_stable() throws Exception {
		String m = marker();
		List<Long> created = new ArrayList<>();
		// equal amounts on purpose: the id breaks the tie, so no row shows on two pages
		for (int i = 0; i < 7; i++) {
			created.add(create("admin", with(minimal(m + "配套项目" + i, m + "配套公司" + i, "nanle", "equipment"),
					"plannedInvestment", i < 4 ? 5000 : 9000)));
		}
		sign("admin", created.get(6), today.minusDays(3), 8000);
		List<Long> paged = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			var text = list("city", "q=" + m + "&sort=planned&dir=desc&size=3&page=" + page);
			assertThat(((Number) JsonPath.read(text, "$.page")).intValue()).isEqualTo(page);
			assertThat(((Number) JsonPath.read(text, "$.size")).intValue()).isEqualTo(3);
			paged.addAll(ids(text));
		}
		assertThat(paged).hasSize(7).doesNotHaveDuplicates();
		assertThat(paged.subList(0, 3)).allMatch(id -> created.indexOf(id) >= 4);
		assertThat(ids(list("city", "q=" + m + "&sort=planned&dir=desc&size=200"))).isEqualTo(paged);
		// past the last page: empty, so a client paging until nothing comes stops
		var past = list("city", "q=" + m + "&size=3&page=4");
		assertThat(ids(past)).isEmpty();
		assertThat(((Number) JsonPath.read(past, "$.total")).longValue()).isEqualTo(7);

		assertThat(ids(list("city", "q=" + m + "&sort=name&dir=asc&size=200"))).isEqualTo(created);
		// stage sorts in the policy's order, not alphabetically
		var byStage = ids(list("city", "q=" + m + "&sort=stage&dir=desc&size=200"));
		assertThat(byStage.get(0)).isEqualTo(created.get(6));
		// every sort key, both ways, is valid SQL on this database
		for (String sort : List.of("code", "name", "unit", "stage", "planned", "contracted", "paidIn", "updated",
				"progress")) {
			for (String dir : List.of("asc", "desc")) {
				assertThat(ids(list("city", "q=" + m + "&sort=" + sort + "&dir=" + dir))).as(sort + " " + dir)
					.hasSize(7);
			}
		}
		// size is capped at 200
		assertThat(((Number) JsonPath.read(list("city", "q=" + m + "&size=5000"), "$.size")).intValue()).isEqualTo(200);
	}

	@Test
	void bad_list_parameters_are_400_naming_the_parameter() throws Exception {
		as("city", get("/api/v1/projects?stage=FINISHED")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("stage"));
		as("city", get("/api/v1/projects?sort=secret")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
		as("city", get("/api/v1/projects?dateOf=signed&from=2026-02-30")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].message").value("起始日期：取值无效"));
		as("city", get("/api/v1/projects?from=2026-01-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOf"));
		as("city", get("/api/v1/projects?page=x")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	// ================================================================ scope and roles

	@Test
	void a_county_reads_another_countys_project_but_cannot_change_it() throws Exception {
		String m = marker();
		long id = create("qingfeng", minimal(m + "羽绒服装项目", m + "服饰有限公司", "qingfeng", "down"));
		int version = version(id);
		as("hualong", get("/api/v1/projects/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.unitName").value("清丰县"))
			.andExpect(jsonPath("$.editable").value(false));
		var body = with(minimal(m + "改名", m + "服饰有限公司", "qingfeng", "down"), "version", version);
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("toStatus", "DROPPED", "reason", "不是我的")))).andExpect(status().isForbidden());
		as("hualong", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.toString(), "text", "越权")))).andExpect(status().isForbidden());
		as("hualong", multipart("/api/v1/attachments").file(pdf("越权.pdf")).param("projectId", String.valueOf(id)))
			.andExpect(status().isForbidden());
		as("viewer", get("/api/v1/projects/" + id)).andExpect(status().isOk());
		as("viewer", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isForbidden());
		as("qingfeng", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.name").value(m + "羽绒服装项目"))
			.andExpect(jsonPath("$.version").value(version));
	}

	@Test
	void an_intermediary_is_refused_everywhere() throws Exception {
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "chemical"));
		long file = upload("hualong", pdf("合同.pdf"), id);
		as("agent", get("/api/v1/projects")).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		as("agent", get("/api/v1/projects/" + id)).andExpect(status().isForbidden());
		as("agent", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(minimal(marker(), marker(), "hualong", "chemical")))).andExpect(status().isForbidden());
		as("agent", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("toStatus", "DROPPED", "reason", "x")))).andExpect(status().isForbidden());
		as("agent", multipart("/api/v1/attachments").file(pdf("x.pdf"))).andExpect(status().isForbidden());
		as("agent", get("/api/v1/attachments/" + file)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/projects")).andExpect(status().isUnauthorized());
	}

	// ================================================================ optimistic locking

	@Test
	void two_edits_of_the_same_version_the_second_gets_409_and_the_first_is_kept() throws Exception {
		String m = marker();
		var base = minimal(m + "原名项目", m + "公司", "hualong", "chemical");
		long id = create("hualong", base);
		int version = version(id);
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(base, "name", m + "张伟改的名", "version", version))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(m + "张伟改的名"))
			.andExpect(jsonPath("$.version").value(version + 1));
		as("hualong.staff", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(base, "name", m + "刘洋改的名", "version", version))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("该记录已被他人修改。为避免覆盖对方的修改，本次保存未生效，请刷新后重新编辑。"));
		// no version at all is no better than a stale one
		as("hualong.staff", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(base, "name", m + "无版本"))))
			.andExpect(status().isConflict());
		as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.name").value(m + "张伟改的名"));
		assertThat(audits(id, "UPDATE")).isEqualTo(1);
	}

	@Test
	void an_unknown_project_is_404_problem() throws Exception {
		as("hualong", get("/api/v1/projects/987654321")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		as("hualong", put("/api/v1/projects/987654321").contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal("x", "y", "hualong", "chemical"), "version", 0))))
			.andExpect(status().isNotFound());
	}

	// ================================================================ stage moves

	@Test
	void a_project_goes_through_all_four_stages_with_evidence() throws Exception {
		String m = marker();
		long id = create("hualong", minimal(m + "精细化工项目", m + "化学有限公司", "hualong", "chemical"));
		events.clear();

		long contract = upload("hualong", pdf("投资合同.pdf"), null, "CONTRACT");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", today.minusDays(60).toString(), "contractType",
					"FORMAL_CONTRACT", "contractedInvestment", 11500.5, "evidenceIds", List.of(contract)))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true))
			.andExpect(jsonPath("$.moveId").isNumber());

		long permit = upload("hualong", pdf("施工许可证.pdf"), null);
		long photo = upload("hualong", png(), null);
		as("hualong.staff", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "COMMENCED", "date", today.minusDays(20).toString(), "paidInInvestment", 3000,
					"evidenceIds", List.of(permit, photo)))))
			.andExpect(status().isUnprocessableContent()) // staff may not claim the manager's uploads
			.andExpect(jsonPath("$.errors[0].field").value("evidenceIds"));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "COMMENCED", "date", today.minusDays(20).toString(), "paidInInvestment", 3000,
					"evidenceIds", List.of(permit, photo)))))
			.andExpect(status().isUnprocessableContent()) // untagged files prove no required kind
			.andExpect(jsonPath("$.errors[0].field").value("evidenceIds"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("施工许可证、现场照片")));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "COMMENCED", "date", today.minusDays(20).toString(), "paidInInvestment", 3000,
					"evidenceIds", List.of(permit, photo), "evidenceKinds",
					Map.of(String.valueOf(permit), "CONSTRUCTION_PERMIT", String.valueOf(photo), "SITE_PHOTO")))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true));

		long licence = upload("hualong", jpeg(), null, "FIRST_INVOICE");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "IN_PRODUCTION", "date", today.toString(), "actualInvestment", 11800,
					"evidenceIds", List.of(licence)))))
			.andExpect(status().isCreated());

		as("qingfeng", get("/api/v1/projects/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("IN_PRODUCTION"))
			.andExpect(jsonPath("$.signedDate").value(today.minusDays(60).toString()))
			.andExpect(jsonPath("$.contractType").value("FORMAL_CONTRACT"))
			.andExpect(jsonPath("$.contractedInvestment").value(11500.5))
			.andExpect(jsonPath("$.commencedDate").value(today.minusDays(20).toString()))
			.andExpect(jsonPath("$.productionDate").value(today.toString()))
			.andExpect(jsonPath("$.actualInvestment").value(11800))
			.andExpect(jsonPath("$.paidInInvestment").value(11800))
			.andExpect(jsonPath("$.timeline.length()").value(3))
			.andExpect(jsonPath("$.timeline[0].toStage").value("IN_PRODUCTION"))
			.andExpect(jsonPath("$.timeline[0].evidenceIds[0]").value(licence))
			.andExpect(jsonPath("$.timeline[1].evidenceIds.length()").value(2))
			.andExpect(jsonPath("$.timeline[2].fromStage").value("NEGOTIATING"))
			.andExpect(jsonPath("$.timeline[2].toStage").value("SIGNED"))
			.andExpect(jsonPath("$.timeline[2].state").value("APPLIED"))
			.andExpect(jsonPath("$.timeline[2].submittedBy").value("hualong"))
			.andExpect(jsonPath("$.timeline[2].evidence[0].fileName").value("投资合同.pdf"))
			.andExpect(jsonPath("$.attachments.length()").value(4))
			.andExpect(jsonPath("$.attachments[?(@.id == " + photo + ")].contentType").value("image/png"));

		var changes = events.stream(ProjectStageChanged.class).filter(e -> e.id().value() == id).toList();
		assertThat(changes).extracting(ProjectStageChanged::from)
			.containsExactly(Stage.NEGOTIATING, Stage.SIGNED, Stage.COMMENCED);
		assertThat(changes).extracting(ProjectStageChanged::to)
			.containsExactly(Stage.SIGNED, Stage.COMMENCED, Stage.IN_PRODUCTION);
		assertThat(changes.get(0).unit().value()).isEqualTo(unit("hualong"));
		assertThat(audits(id, "STAGE_MOVE")).isEqualTo(3);
	}

	@Test
	void an_unmet_gate_is_422_listing_every_field_and_changes_nothing() throws Exception {
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "green-food"));
		events.clear();
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"SIGNED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("date", "contractType",
					"contractedInvestment", "evidenceIds")))
			.andExpect(jsonPath("$.errors[3].message").value(startsWith("证明材料：至少上传一份证明材料")));
		// a future date and a negative amount
		long contract = upload("hualong", pdf("合同.pdf"), null, "CONTRACT");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", today.plusDays(1).toString(), "contractType",
					"FRAMEWORK_AGREEMENT", "contractedInvestment", -1, "evidenceIds", List.of(contract)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("日期：不能晚于今天"))
			.andExpect(jsonPath("$.errors[1].message").value("合同投资额（万元）：不能为负数"));
		// skipping a stage
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "COMMENCED", "date", today.toString(), "paidInInvestment", 1,
					"evidenceIds", List.of(contract)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("目标阶段：只能逐级推进，下一阶段为“签约”"));
		// an attachment id that is not this user's upload
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", today.toString(), "contractType", "FORMAL_CONTRACT",
					"contractedInvestment", 100, "evidenceIds", List.of(987_654_321)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("evidenceIds"));

		as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("NEGOTIATING"))
			.andExpect(jsonPath("$.timeline").isEmpty())
			.andExpect(jsonPath("$.version").value(0));
		assertThat(events.stream(ProjectStageChanged.class)).isEmpty();
		// the upload stays the user's, unlinked, for the next try
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE id = :id AND owner_id IS NULL")
			.param("id", contract)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void with_review_on_a_move_is_submitted_and_the_city_approves_it() throws Exception {
		String m = marker();
		long id = create("hualong", minimal(m + "项目", m + "公司", "hualong", "new-materials"));
		events.clear();
		reviewRequired("hualong", true);
		try {
			long contract = upload("hualong", pdf("框架协议.pdf"), null, "CONTRACT");
			var move = as("hualong", post("/api/v1/projects/" + id + "/stage-moves")
				.contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("to", "SIGNED", "date", today.minusDays(2).toString(), "contractType",
						"FRAMEWORK_AGREEMENT", "contractedInvestment", 20000, "evidenceIds", List.of(contract)))))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.applied").value(false))
				.andReturn();
			long moveId = ((Number) JsonPath.read(body(move), "$.moveId")).longValue();

			as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("NEGOTIATING"))
				.andExpect(jsonPath("$.pendingReview").value(true))
				.andExpect(jsonPath("$.timeline[0].state").value("SUBMITTED"));
			assertThat(ids(list("city", "q=" + m + "&pending=review"))).containsExactly(id);
			assertThat(events.stream(ProjectStageChanged.class)).isEmpty();
			// nothing else moves meanwhile
			as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("toStatus", "ON_HOLD", "reason", "等待")))).andExpect(status().isConflict());
			// the unit may not review its own move
			as("hualong", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true}")).andExpect(status().isForbidden());

			as("city", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true,\"opinion\":\"材料齐全\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("APPROVED"))
				.andExpect(jsonPath("$.stage").value("SIGNED"));
			as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("SIGNED"))
				.andExpect(jsonPath("$.pendingReview").value(false))
				.andExpect(jsonPath("$.contractType").value("FRAMEWORK_AGREEMENT"))
				.andExpect(jsonPath("$.timeline[0].state").value("APPROVED"))
				.andExpect(jsonPath("$.timeline[0].reviewedBy").value("city"));
			assertThat(events.stream(ProjectStageChanged.class))
				.singleElement()
				.satisfies(e -> assertThat(e.to()).isEqualTo(Stage.SIGNED));
			// reviewing twice is refused
			as("city", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true}")).andExpect(status().isConflict());
			assertThat(audits(id, "STAGE_SUBMIT")).isEqualTo(1);
			assertThat(audits(id, "STAGE_APPROVE")).isEqualTo(1);
		}
		finally {
			reviewRequired("hualong", false);
		}
	}

	@Test
	void with_review_on_the_city_returns_a_move_with_an_opinion() throws Exception {
		String m = marker();
		long id = create("hualong", minimal(m + "项目", m + "公司", "hualong", "health"));
		reviewRequired("hualong", true);
		try {
			long contract = upload("hualong", pdf("合同.pdf"), null, "CONTRACT");
			var move = as("hualong", post("/api/v1/projects/" + id + "/stage-moves")
				.contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("to", "SIGNED", "date", today.minusDays(2).toString(), "contractType",
						"FORMAL_CONTRACT", "contractedInvestment", 20000, "evidenceIds", List.of(contract)))))
				.andExpect(jsonPath("$.applied").value(false))
				.andReturn();
			long moveId = ((Number) JsonPath.read(body(move), "$.moveId")).longValue();

			as("city", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":false,\"opinion\":\"  \"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("opinion"))
				.andExpect(jsonPath("$.errors[0].message").value("审核意见：退回时必须填写审核意见"));
			as("city", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"opinion\":\"x\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("approve"));
			as("city", post("/api/v1/projects/" + id + "/stage-moves/" + moveId + "/review")
				.contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("approve", false, "opinion", "合同金额与附件不一致，请核实后重新提交"))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("RETURNED"))
				.andExpect(jsonPath("$.stage").value("NEGOTIATING"));
			as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("NEGOTIATING"))
				.andExpect(jsonPath("$.pendingReview").value(false))
				.andExpect(jsonPath("$.signedDate").doesNotExist())
				.andExpect(jsonPath("$.timeline[0].state").value("RETURNED"))
				.andExpect(jsonPath("$.timeline[0].opinion").value("合同金额与附件不一致，请核实后重新提交"));
			assertThat(audits(id, "STAGE_RETURN")).isEqualTo(1);
		}
		finally {
			reviewRequired("hualong", false);
		}
	}

	@Test
	void only_the_city_moves_back_a_stage_with_a_reason_and_later_facts_are_cleared() throws Exception {
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "equipment"));
		sign("hualong", id, today.minusDays(30), 9000);
		long permit = upload("hualong", pdf("施工许可证.pdf"), null, "CONSTRUCTION_PERMIT");
		long photo = upload("hualong", png(), null, "SITE_PHOTO");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "COMMENCED", "date", today.minusDays(5).toString(), "paidInInvestment", 2000,
					"evidenceIds", List.of(permit, photo))))).andExpect(status().isCreated());
		events.clear();

		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "reason", "开工信息填错"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("退回到之前的阶段须由市商务局操作"));
		as("city", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"SIGNED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("city", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "reason", "核查发现尚未取得施工许可，退回签约阶段"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true));
		as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("SIGNED"))
			.andExpect(jsonPath("$.commencedDate").doesNotExist())
			.andExpect(jsonPath("$.signedDate").value(today.minusDays(30).toString()))
			.andExpect(jsonPath("$.timeline[0].reason").value("核查发现尚未取得施工许可，退回签约阶段"))
			.andExpect(jsonPath("$.timeline[0].submittedBy").value("city"));
		assertThat(events.stream(ProjectStageChanged.class)).singleElement().satisfies(e -> {
			assertThat(e.from()).isEqualTo(Stage.COMMENCED);
			assertThat(e.to()).isEqualTo(Stage.SIGNED);
		});
	}

	@Test
	void on_hold_and_dropped_need_a_reason_and_a_dropped_project_does_not_move() throws Exception {
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "agriculture"));
		events.clear();
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content("{\"toStatus\":\"ON_HOLD\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("toStatus", "DROPPED", "reason", "投资方战略调整，项目终止"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true));
		as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.status").value("DROPPED"))
			.andExpect(jsonPath("$.statusReason").value("投资方战略调整，项目终止"));
		long contract = upload("hualong", pdf("合同.pdf"), null, "CONTRACT");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", today.toString(), "contractType", "FORMAL_CONTRACT",
					"contractedInvestment", 100, "evidenceIds", List.of(contract)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		assertThat(events.stream(ProjectStageChanged.class)).singleElement()
			.satisfies(e -> assertThat(e.toStatus()).isEqualTo(ProjectStatus.DROPPED));
	}

	// ================================================================ progress

	@Test
	void a_progress_update_shows_as_latest_progress_and_sets_paid_in_investment() throws Exception {
		String m = marker();
		long id = create("hualong", minimal(m + "项目", m + "公司", "hualong", "chemical"));
		long photo = upload("hualong", png(), null);
		as("hualong.staff", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.toString(), "text", "项目已完成环评批复", "paidInInvestment", 5000.5))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.latestProgress").value("项目已完成环评批复"))
			.andExpect(jsonPath("$.paidInInvestment").value(5000.5));
		as("hualong", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.minusDays(7).toString(), "text", "补录：完成土地摘牌",
					"paidInInvestment", 1000, "photoIds", List.of(photo)))))
			.andExpect(status().isCreated());
		var item = list("city", "q=" + m);
		assertThat((String) JsonPath.read(item, "$.items[0].latestProgress")).isEqualTo("项目已完成环评批复");
		assertThat((String) JsonPath.read(item, "$.items[0].latestProgressDate")).isEqualTo(today.toString());
		assertThat(item).contains("\"paidInInvestment\":5000.50");
		as("city", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.progress.length()").value(2))
			.andExpect(jsonPath("$.progress[1].photoIds[0]").value(photo))
			.andExpect(jsonPath("$.progress[0].createdBy").value("hualong.staff"));

		as("hualong", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.plusDays(1).toString(), "text", " ", "paidInInvestment", -1))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("date", "text",
					"paidInInvestment")));
		assertThat(audits(id, "PROGRESS")).isEqualTo(2);
	}

	// ================================================================ attachments

	@Test
	void an_upload_is_typed_by_content_and_downloads_follow_project_read_rights() throws Exception {
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "chemical"));
		byte[] bytes = pdfBytes("签约仪式纪要");
		var up = as("hualong", multipart("/api/v1/attachments")
			.file(new MockMultipartFile("file", "纪要.PDF", "application/octet-stream", bytes))
			.param("projectId", String.valueOf(id))
			.param("kind", "evidence"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/attachments/")))
			.andExpect(jsonPath("$.fileName").value("纪要.PDF"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.sizeBytes").value(bytes.length))
			.andExpect(jsonPath("$.projectId").value(id))
			.andReturn();
		long file = ((Number) JsonPath.read(body(up), "$.id")).longValue();

		var down = as("hualong", get("/api/v1/attachments/" + file)).andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andReturn();
		assertThat(down.getResponse().getContentAsByteArray()).isEqualTo(bytes);
		// the shared city pool: another county and the city read it too
		as("qingfeng", get("/api/v1/attachments/" + file)).andExpect(status().isOk())
			.andExpect(content().bytes(bytes));
		as("leader", get("/api/v1/attachments/" + file)).andExpect(status().isOk());
		as("agent", get("/api/v1/attachments/" + file)).andExpect(status().isForbidden());
		as("qingfeng", get("/api/v1/attachments/987654321")).andExpect(status().isNotFound());

		// an upload not yet linked to a project is its uploader's only
		long loose = upload("hualong", pdf("草稿.pdf"), null);
		as("hualong", get("/api/v1/attachments/" + loose)).andExpect(status().isOk());
		as("hualong.staff", get("/api/v1/attachments/" + loose)).andExpect(status().isNotFound());
		as("city", get("/api/v1/attachments/" + loose)).andExpect(status().isNotFound());

		as("hualong", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.attachments[0].id").value(file))
			.andExpect(jsonPath("$.attachments[0].sizeBytes").value(bytes.length))
			.andExpect(jsonPath("$.attachments[0].kind").value("EVIDENCE"));
	}

	@Test
	void docx_and_xlsx_are_recognised_by_their_content() throws Exception {
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "可研报告", null,
				officeZip("word/document.xml"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("可研报告.docx"))
			.andExpect(jsonPath("$.contentType").value(containsString("wordprocessingml")));
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "投资明细.xlsx", null,
				officeZip("xl/workbook.xml"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value(containsString("spreadsheetml")));
	}

	@Test
	void a_disguised_upload_is_415() throws Exception {
		byte[] exe = new byte[256];
		exe[0] = 'M';
		exe[1] = 'Z';
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "合同.pdf",
				"application/pdf", exe)))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(startsWith("只接受 PDF、JPG、PNG")));
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "照片.png", "image/png",
				"这其实是一段文字".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnsupportedMediaType());
		// a zip that is no Office document
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "表格.xlsx", null,
				officeZip("payload/readme.txt"))))
			.andExpect(status().isUnsupportedMediaType());
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "空.pdf", null,
				new byte[0])))
			.andExpect(status().isUnprocessableContent());
		as("hualong", multipart("/api/v1/attachments").file(pdf("x.pdf")).param("kind", "SECRET"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("document", "x.pdf", null,
				pdfBytes("x"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void an_upload_over_20_mb_is_413_problem() throws Exception {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(pdfBytes("big"), 0, big, 0, 20);
		// past the controller (MockMvc does not enforce the multipart limit): the attachment store refuses it
		as("hualong", multipart("/api/v1/attachments").file(new MockMultipartFile("file", "big.pdf", null, big)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("文件超过 20 MB 的上限"));

		// a real server refuses it while parsing the multipart request, before any controller
		String boundary = "zsBoundary" + System.nanoTime();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[head.length + big.length + 512 * 1024 + tail.length];
		System.arraycopy(head, 0, payload, 0, head.length);
		System.arraycopy(big, 0, payload, head.length, big.length);
		System.arraycopy(tail, 0, payload, payload.length - tail.length, tail.length);
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments"))
			.header("Authorization", "Bearer " + token("hualong"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("文件超过 20 MB 的上限");
		assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo("/api/v1/attachments");
	}

	@Test
	void a_small_pdf_with_a_150_character_chinese_name_is_stored_under_that_name() throws Exception {
		String name = "濮阳市招商引资签约仪式会议纪要".repeat(10).substring(0, 146) + ".pdf";
		assertThat(name).hasSize(150);

		HttpResponse<String> response = rawUpload(name, pdfBytes("名"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(response.body(), "$.fileName")).isEqualTo(name);
	}

	@Test
	void a_file_name_too_long_for_an_upload_is_refused_with_a_message_about_the_name() throws Exception {
		String name = "纪".repeat(3000) + ".pdf";

		HttpResponse<String> response = rawUpload(name, pdfBytes("名"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("文件名太长：上传文件的名称最多 2600 个字符（含扩展名）。请改短文件名后重新上传。");
	}

	/** A multipart upload through the real server (MockMvc does not parse multipart requests the way Tomcat does). */
	HttpResponse<String> rawUpload(String fileName, byte[] content) throws Exception {
		String boundary = "zsBoundary" + System.nanoTime();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, payload, 0, head.length);
		System.arraycopy(content, 0, payload, head.length, content.length);
		System.arraycopy(tail, 0, payload, head.length + content.length, tail.length);
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments"))
			.header("Authorization", "Bearer " + token("hualong"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	// ================================================================ demo data

	@Test
	void the_demo_ledger_spreads_over_units_stages_and_chains_with_consistent_facts() throws Exception {
		String demo = " FROM project WHERE code LIKE 'PY-2026-000%'";
		assertThat(count("SELECT COUNT(*)" + demo)).isEqualTo(40);
		assertThat(count("SELECT COUNT(DISTINCT unit_id)" + demo)).isEqualTo(9);
		assertThat(count("SELECT COUNT(DISTINCT chain_id)" + demo)).isEqualTo(10);
		assertThat(count("SELECT COUNT(DISTINCT stage)" + demo)).isEqualTo(4);
		assertThat(count("SELECT COUNT(DISTINCT type)" + demo)).isEqualTo(4);
		assertThat(count("SELECT COUNT(DISTINCT status)" + demo)).isEqualTo(3);
		// each stage carries its facts, in date order, and nothing of the stages after it
		assertThat(count("SELECT COUNT(*)" + demo + " AND stage <> 'NEGOTIATING' AND (signed_date IS NULL"
				+ " OR contract_type IS NULL OR contracted_investment IS NULL)")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND stage IN ('COMMENCED', 'IN_PRODUCTION')"
				+ " AND (commenced_date IS NULL OR commenced_date < signed_date OR paid_in_investment IS NULL)")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND stage = 'IN_PRODUCTION' AND (production_date IS NULL"
				+ " OR production_date < commenced_date OR actual_investment IS NULL)")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND stage IN ('NEGOTIATING', 'SIGNED')"
				+ " AND (commenced_date IS NOT NULL OR production_date IS NOT NULL)")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND stage = 'NEGOTIATING' AND signed_date IS NOT NULL")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND status <> 'ACTIVE' AND status_reason IS NULL")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND (signed_date > CURRENT_DATE OR commenced_date > CURRENT_DATE"
				+ " OR production_date > CURRENT_DATE)")).isZero();
		assertThat(count("SELECT COUNT(*)" + demo + " AND chief_attendant_id IS NULL")).isZero();
		List<String> codes = jdbc.sql("SELECT uscc FROM merchant WHERE uscc IS NOT NULL").query(String.class).list();
		assertThat(codes).hasSizeGreaterThanOrEqualTo(10).allMatch(cn.zhaoshang.platform.Uscc::isValid);
		// new projects continue after the demo codes
		long id = create("hualong", minimal(marker() + "项目", marker() + "公司", "hualong", "chemical"));
		String code = JsonPath.read(body(as("hualong", get("/api/v1/projects/" + id)).andReturn()), "$.code");
		assertThat(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1))).isGreaterThanOrEqualTo(100);
		// the timelines are not empty: a returned and an approved review, an applied move
		long qicheng = count("SELECT id FROM project WHERE code = 'PY-2026-00003'");
		as("qingfeng", get("/api/v1/projects/" + qicheng)).andExpect(jsonPath("$.stage").value("SIGNED"))
			.andExpect(jsonPath("$.timeline[0].state").value("APPROVED"))
			.andExpect(jsonPath("$.timeline[1].state").value("RETURNED"))
			.andExpect(jsonPath("$.timeline[1].opinion").value(startsWith("合同扫描件")))
			.andExpect(jsonPath("$.latestProgress").isNotEmpty());
		var onHold = list("city", "status=ON_HOLD&size=200");
		assertThat(((Number) JsonPath.read(onHold, "$.total")).longValue()).isGreaterThanOrEqualTo(2);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	// ================================================================ helpers

	long create(String user, Map<String, Object> body) throws Exception {
		var result = as(user, post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isCreated())
			.andReturn();
		long id = ((Number) JsonPath.read(body(result), "$.id")).longValue();
		created.add(id);
		return id;
	}

	void sign(String user, long id, LocalDate date, Number contracted) throws Exception {
		long contract = upload(user, pdf("合同.pdf"), null, "CONTRACT");
		as(user, post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", date.toString(), "contractType", "FORMAL_CONTRACT",
					"contractedInvestment", contracted, "evidenceIds", List.of(contract)))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true));
	}

	long upload(String user, MockMultipartFile file, Long projectId) throws Exception {
		return upload(user, file, projectId, null);
	}

	/** Uploads a file tagged with what it proves ({@code evidenceKind}, e.g. CONTRACT), or untagged when null. */
	long upload(String user, MockMultipartFile file, Long projectId, String evidenceKind) throws Exception {
		var request = multipart("/api/v1/attachments").file(file);
		if (evidenceKind != null) {
			request.param("evidenceKind", evidenceKind);
		}
		if (projectId != null) {
			request.param("projectId", projectId.toString());
		}
		var result = as(user, request).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	String list(String user, String query) throws Exception {
		return body(as(user, get("/api/v1/projects?" + query)).andExpect(status().isOk()).andReturn());
	}

	static List<Long> ids(String listJson) {
		List<Number> ids = JsonPath.read(listJson, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	int version(long id) throws Exception {
		return JsonPath.read(body(as("city", get("/api/v1/projects/" + id)).andReturn()), "$.version");
	}

	String write(Object value) {
		return json.writeValueAsString(value);
	}

	Map<String, Object> minimal(String name, String investor, String unitCode, String chainCode) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("investorName", investor);
		body.put("unitId", unit(unitCode));
		body.put("chainId", chain(chainCode));
		body.put("type", "NEW");
		body.put("plannedInvestment", 12000);
		return body;
	}

	static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
		var copy = new LinkedHashMap<>(body);
		for (int i = 0; i < keyValues.length; i += 2) {
			copy.put((String) keyValues[i], keyValues[i + 1]);
		}
		return copy;
	}

	long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	long chain(String code) {
		return jdbc.sql("SELECT id FROM industry_chain WHERE code = :c").param("c", code).query(Long.class).single();
	}

	long person(String name) {
		return jdbc.sql("SELECT id FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	long audits(long projectId, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = :id AND action = :a""")
			.param("id", String.valueOf(projectId))
			.param("a", action)
			.query(Long.class)
			.single();
	}

	void reviewRequired(String unitCode, boolean on) {
		jdbc.sql("UPDATE unit SET stage_review_required = :on WHERE code = :c").param("on", on).param("c", unitCode)
			.update();
	}

	/** Three random common Chinese characters: names carrying them are this test's alone. */
	static String marker() {
		var sb = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			sb.append((char) (0x4E00 + RANDOM.nextInt(0x9FA5 - 0x4E00)));
		}
		return sb.toString();
	}

	/** The GB 32100-2015 check character for the first 17 characters of a USCC. */
	static char checkChar(String first17) {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
		}
		return alphabet.charAt((31 - sum % 31) % 31);
	}

	static MockMultipartFile pdf(String name) {
		return new MockMultipartFile("file", name, "application/pdf", pdfBytes(name));
	}

	/** A small but real PDF (one empty page). */
	static byte[] pdfBytes(String title) {
		String pdf = """
				%%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
				trailer << /Root 1 0 R /Title (%s) >>
				%%%%EOF
				""".formatted(Integer.toHexString(title.hashCode()));
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	static MockMultipartFile png() throws IOException {
		return new MockMultipartFile("file", "现场照片.png", "image/png", image("png"));
	}

	static MockMultipartFile jpeg() throws IOException {
		return new MockMultipartFile("file", "生产许可证.jpg", "image/jpeg", image("jpg"));
	}

	static byte[] image(String format) throws IOException {
		var img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
		img.setRGB(2, 3, 0x2E7D32);
		var out = new ByteArrayOutputStream();
		ImageIO.write(img, format, out);
		return out.toByteArray();
	}

	static byte[] officeZip(String part) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			for (String name : List.of("[Content_Types].xml", part)) {
				zip.putNextEntry(new java.util.zip.ZipEntry(name));
				zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
