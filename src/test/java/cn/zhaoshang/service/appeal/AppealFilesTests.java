package cn.zhaoshang.service.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * An appeal's attachments and the appeal list's export through {@code /api/v1} (H2 and PostgreSQL): the bureau
 * attaches a PDF (stored, audited, downloaded byte for byte), a file of another type is refused, a unit reads and
 * attaches files only once the appeal is assigned to it; the export holds the filtered appeals with Chinese headers.
 */
@SpringBootTest
class AppealFilesTests extends ApiTestSupport {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void the_bureau_attaches_a_file_a_unit_sees_it_once_assigned_and_the_list_exports() throws Exception {
		String enterprise = Pages.unique("附件诉求企业");
		var filed = as("city", post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("enterpriseName", enterprise, "channel", "LETTER", "category",
					"LAND", "content", "来信反映用地指标问题，附来信扫描件"))))
			.andExpect(status().isCreated())
			.andReturn();
		long id = ((Number) JsonPath.read(filed.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
			.longValue();
		String trackingNo = JsonPath.read(filed.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.trackingNo");

		var uploaded = as("city", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "来信.pdf", "application/pdf", PDF)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("来信.pdf"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andReturn();
		long document = ((Number) JsonPath.read(uploaded.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.id")).longValue();
		assertThat(jdbc.sql("SELECT owner_type FROM attachment WHERE id = :id").param("id", document)
			.query(String.class).single()).isEqualTo("appeal");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'UPLOAD' AND record_id = :id")
			.param("id", String.valueOf(document)).query(Long.class).single()).isGreaterThanOrEqualTo(1);
		// and the appeal's own history (its page's history pane) lists the upload with the file's name
		assertThat(jdbc.sql("SELECT summary FROM audit_entry WHERE record_type = 'appeal' AND action = 'UPLOAD'"
				+ " AND record_id = :id").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("来信.pdf");
		as("city", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "note.txt", "text/plain", "just text".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnsupportedMediaType());

		byte[] read = as("viewer", get("/api/v1/appeals/" + id + "/documents/" + document)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(read).isEqualTo(PDF);
		as("viewer", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1));

		// not yet assigned, about no project or enterprise of 华龙区: the unit neither reads it (AppealScope) nor attaches
		as("hualong", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isNotFound());
		as("hualong", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "答复.pdf", "application/pdf", PDF))).andExpect(status().isNotFound());
		as("hualong.staff", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "答复.pdf", "application/pdf", PDF))).andExpect(status().isNotFound());
		int version = jdbc.sql("SELECT version FROM appeal WHERE id = :id").param("id", id).query(Integer.class)
			.single();
		as("city", post("/api/v1/appeals/" + id + "/assignment").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("unitId", Demo.unit(jdbc, "hualong"), "version", version))))
			.andExpect(status().isOk());
		as("hualong", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "答复.pdf", "application/pdf", PDF))).andExpect(status().isCreated());
		as("hualong", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		// a document of another owner is not the appeal's
		as("city", get("/api/v1/appeals/" + (id + 100000) + "/documents/" + document))
			.andExpect(status().isNotFound());

		var export = as("city", get("/api/v1/appeals/export.xlsx").param("q", enterprise)).andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(export.getContentType()).startsWith("application/vnd.openxmlformats");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("受理编号");
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("企业名称");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(trackingNo);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(enterprise);
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("华龙区");
		}
	}


	/** The public form from a stranger's address of its own (the hourly limit counts per address). */
	MockMultipartHttpServletRequestBuilder publicForm(String enterprise, String address, MockMultipartFile... files) {
		var request = multipart("/appeal");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		request.param("enterpriseName", enterprise).param("contactName", "张先生").param("contact", "13900001111")
			.param("category", "LAND").param("content", "新厂房用地手续办理缓慢，附相关材料");
		return (MockMultipartHttpServletRequestBuilder) request.with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			r.setContent(new byte[4096]); // the length a browser declares; the guard requires one
			return r;
		});
	}

	@Test
	void an_enterprise_sends_files_with_the_public_form_and_a_refused_file_refuses_the_whole_appeal()
			throws Exception {
		String enterprise = Pages.unique("公开附件企业");
		String refused = mvc.perform(publicForm(enterprise, "10.14.0.1",
				new MockMultipartFile("files", "来信.pdf", "application/pdf", PDF),
				new MockMultipartFile("files", "说明.txt", "text/plain", "只是文字".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("附件：", "说明.txt", "只接受 PDF").contains(enterprise);
		String tooMany = mvc.perform(publicForm(enterprise, "10.14.0.2",
				new MockMultipartFile("files", "1.pdf", "application/pdf", PDF),
				new MockMultipartFile("files", "2.pdf", "application/pdf", PDF),
				new MockMultipartFile("files", "3.pdf", "application/pdf", PDF),
				new MockMultipartFile("files", "4.pdf", "application/pdf", PDF)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(tooMany).contains("最多上传 3 个文件");
		String tooLarge = mvc.perform(publicForm(enterprise, "10.14.0.3", new MockMultipartFile("files", "扫描件.pdf",
				"application/pdf", java.util.Arrays.copyOf(PDF, AppealDocuments.PUBLIC_MAX_BYTES + 1))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(tooLarge).contains("扫描件.pdf", "5 MB");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM appeal WHERE enterprise_name = :n").param("n", enterprise)
			.query(Long.class).single()).isZero();

		String filed = mvc.perform(publicForm(enterprise, "10.14.0.4",
				new MockMultipartFile("files", "来信.pdf", "application/pdf", PDF),
				new MockMultipartFile("files", "", "application/octet-stream", new byte[0])))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(filed).contains("id=\"tracking-no\"", "已随诉求收到 1 个附件");
		long id = jdbc.sql("SELECT id FROM appeal WHERE enterprise_name = :n").param("n", enterprise)
			.query(Long.class).single();
		assertThat(jdbc.sql("SELECT uploaded_by FROM attachment WHERE owner_type = 'appeal' AND owner_id = :id")
			.param("id", id).query(String.class).list()).containsExactly("public");
		as("city", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].fileName").value("来信.pdf"));
	}
}
