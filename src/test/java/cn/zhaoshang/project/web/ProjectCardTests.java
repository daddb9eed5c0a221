package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

/**
 * The project information card: the project page's facts as .docx and .pdf, read back and compared with the
 * database; the same rights as the project page (intermediaries 403, an unknown project 404).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectCardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	/** A demo project with a stage move, its code, name, unit and planned investment as the database has them. */
	Map<String, Object> project() {
		return jdbc.sql("""
				SELECT p.id, p.code, p.name, u.name AS unit_name, p.planned_investment, p.contracted_investment
				FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE p.contracted_investment IS NOT NULL AND p.unit_id = (SELECT unit_id FROM app_user WHERE username = 'hualong')
				  AND EXISTS (SELECT 1 FROM project_stage_move m WHERE m.project_id = p.id)
				ORDER BY p.id FETCH FIRST 1 ROWS ONLY""").query().singleRow();
	}

	@Test
	void the_docx_card_holds_the_projects_facts_in_chinese() throws Exception {
		var p = project();
		var response = mvc.perform(get("/projects/" + p.get("id") + "/card.docx").with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E4%BF%A1%E6%81%AF%E5%8D%A1-" + p.get("code")
							+ ".docx")))
			.andReturn().getResponse();

		try (var doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
				var extractor = new XWPFWordExtractor(doc)) {
			assertThat(extractor.getText()).contains("项目信息卡", "一、基本信息", "二、投资与效益", "三、阶段变更记录",
					(String) p.get("name"), (String) p.get("code"), (String) p.get("unit_name"),
					amount(p.get("planned_investment")), amount(p.get("contracted_investment")), "附件1");
		}
	}

	@Test
	void the_pdf_card_from_the_api_reads_back_with_the_same_chinese_text_and_figures() throws Exception {
		assertThat(Files.exists(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")))
			.as("fonts-wqy-zenhei is installed, as .ci/run does").isTrue();
		var p = project();
		byte[] pdf = mvc.perform(get("/api/v1/projects/" + p.get("id") + "/card.pdf").with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();

		var reader = new PdfReader(pdf);
		var text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		assertThat(text).contains("项目信息卡", "基本信息", (String) p.get("code"), (String) p.get("unit_name"),
				amount(p.get("planned_investment")), amount(p.get("contracted_investment")));
	}

	@Test
	void who_cannot_open_the_project_page_gets_no_card() throws Exception {
		var p = project();
		mvc.perform(get("/projects/" + p.get("id") + "/card.docx").with(as("agent"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/projects/" + p.get("id") + "/card.pdf").with(as("agent")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/projects/999999999/card.docx").with(as("city"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/projects/999999999/card.pdf").with(as("city"))).andExpect(status().isNotFound());
	}

	@Test
	void the_project_page_links_to_both_cards() throws Exception {
		var p = project();
		mvc.perform(get("/projects/" + p.get("id")).with(as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/projects/" + p.get("id") + "/card.docx\"")))
			.andExpect(content().string(containsString("href=\"/projects/" + p.get("id") + "/card.pdf\"")));
	}

	private static String amount(Object value) {
		return String.format(java.util.Locale.ROOT, "%,.2f", (BigDecimal) value);
	}

	private RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}
}
