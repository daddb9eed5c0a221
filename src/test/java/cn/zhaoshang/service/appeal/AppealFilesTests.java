package cn.zhaoshang.service.appeal;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * An appeal's attachments and the appeal list's export through {@code /api/v1} (H2 and PostgreSQL): the bureau
 * attaches a PDF (stored, audited, downloaded byte for byte), a file of another type is refused, a unit attaches
 * files only once the appeal is assigned to it; the export holds the filtered appeals with Chinese headers.
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
		as("city", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "note.txt", "text/plain", "just text".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnsupportedMediaType());

		byte[] read = as("viewer", get("/api/v1/appeals/" + id + "/documents/" + document)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(read).isEqualTo(PDF);
		as("viewer", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1));

		// not yet assigned: the unit reads (as it reads the appeal) but does not attach
		as("hualong", get("/api/v1/appeals/" + id + "/documents")).andExpect(status().isOk());
		as("hualong", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "答复.pdf", "application/pdf", PDF))).andExpect(status().isForbidden());
		as("hualong.staff", multipart("/api/v1/appeals/" + id + "/documents")
			.file(new MockMultipartFile("file", "答复.pdf", "application/pdf", PDF))).andExpect(status().isForbidden());
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

}
