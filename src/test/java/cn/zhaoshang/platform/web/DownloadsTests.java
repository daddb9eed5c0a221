package cn.zhaoshang.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The one download helper: the content type once, and a Chinese file name that every client gets back exactly
 * (RFC 5987 {@code filename*}), with a harmless ASCII stand-in for old clients.
 */
class DownloadsTests {

	@Test
	void an_xlsx_download_carries_the_type_and_the_chinese_name_in_rfc_5987_form() {
		var response = new MockHttpServletResponse();
		Downloads.xlsx(response, "项目台账-2026-12-06.xlsx", "project-ledger-2026-12-06.xlsx");

		assertThat(response.getContentType()).isEqualTo(Downloads.XLSX)
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"project-ledger-2026-12-06.xlsx\"; "
						+ "filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-2026-12-06.xlsx");
	}

	@Test
	void spring_and_a_browser_read_the_name_back_exactly() {
		for (String name : new String[] { "濮阳市 招商引资（第1批）.xlsx", "纪要 \"草稿\" 100%.pdf", "a;b=c,d.docx",
				"emoji 😀.xlsx", "可研报告.docx", "plain.pdf", "x*y'z(1)~!.xlsx" }) {
			String header = Downloads.attachment(name, null);
			var parsed = ContentDisposition.parse(header);
			assertThat(parsed.isAttachment()).isTrue();
			assertThat(parsed.getFilename()).as(header).isEqualTo(name);
			String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
			assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
			assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
		}
	}

	@Test
	void the_ascii_stand_in_is_printable_ascii_without_quotes_backslashes_or_percent() {
		String header = Downloads.attachment("纪要 \"草稿\"\\100%.pdf", null);
		assertThat(header).startsWith("attachment; filename=\"__ _____100_.pdf\"; filename*=UTF-8''");
		assertThat(header).matches("\\p{ASCII}+");
	}

	@Test
	void an_image_shown_in_the_page_is_inline_with_its_name() {
		assertThat(Downloads.inline("现场照片.jpg"))
			.isEqualTo("inline; filename=\"____.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg");
		assertThat(ContentDisposition.parse(Downloads.inline("现场照片.jpg")).isInline()).isTrue();
	}

	@Test
	void the_types_of_generated_documents_are_defined_here() {
		var response = new MockHttpServletResponse();
		Downloads.attachment(response, Downloads.DOCX, "通知.docx", "notice.docx");
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(response.getHeader("Content-Disposition")).contains("filename=\"notice.docx\"")
			.contains("filename*=UTF-8''%E9%80%9A%E7%9F%A5.docx");
		assertThat(Downloads.PDF).isEqualTo("application/pdf");
	}
}
