package cn.zhaoshang.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

/**
 * The generator writes every part of an official document in both formats; the text read back (POI for .docx,
 * OpenPDF's extractor for .pdf) holds the Chinese text and the table figures, so the CJK font really was used.
 */
class DocumentGeneratorTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static OfficialDocument packet() {
		return OfficialDocument.builder("关于第5次项目调度情况的通报", LocalDate.of(2026, 10, 31), ZH)
			.issuer("濮阳市商务局")
			.number("濮商〔2026〕5号")
			.heading("一、总体情况")
			.paragraph("本次调度共涉及项目12个，其中签约项目5个。\n下一步继续跟进。")
			.subheading("（一）分县区情况")
			.table(Table.of(List.of("单位", "项目数", "到位资金（万元）"),
					List.of(List.of("华龙区", "7", "1,234.50"), List.of("清丰县", "5", "765.50")))
				.withCaption("表1 各单位调度汇总")
				.withTotals(List.of("合计", "12", "2,000.00"))
				.withWidths(3, 1, 2))
			.appendix("存在问题清单")
			.table(Table.of(List.of(), List.of(List.of("问题", "用地指标不足"))))
			.build();
	}

	static DocumentGenerator generator(String font) {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/platform");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new DocumentGenerator(messages, new CjkFont(font));
	}

	@Test
	void writesEveryPartOfTheDocumentAsDocx() throws Exception {
		byte[] docx = generator("").write(packet(), DocumentFormat.DOCX);
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/documents/packet.docx"), docx);

		String text;
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(doc)) {
			text = extractor.getText();
			assertThat(doc.getTables()).hasSize(2);
			assertThat(doc.getTables().get(0).getRows()).hasSize(4);
			assertThat(doc.getTables().get(0).getRow(3).getCell(2).getText()).isEqualTo("2,000.00");
			assertThat(doc.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo("华龙区");
		}
		assertThat(text).contains("濮阳市商务局", "濮商〔2026〕5号", "关于第5次项目调度情况的通报", "一、总体情况",
				"本次调度共涉及项目12个", "下一步继续跟进", "表1 各单位调度汇总", "1,234.50", "765.50", "合计",
				"2026年10月31日", "附件1", "存在问题清单", "用地指标不足");
		assertThat(text.indexOf("2026年10月31日")).isLessThan(text.indexOf("附件1"));
	}

	@Test
	void writesChineseTextAndTableFiguresAsPdf() throws Exception {
		DocumentGenerator generator = generator("");
		assertThat(generator.pdfAvailable()).as("a CJK font is installed (fonts-wqy-zenhei, as .ci/run does)").isTrue();

		byte[] pdf = generator.write(packet(), DocumentFormat.PDF);
		// kept for a look: target/documents/packet.pdf (and .docx below)
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/documents/packet.pdf"), pdf);

		var reader = new PdfReader(pdf);
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		var extractor = new PdfTextExtractor(reader);
		String first = extractor.getTextFromPage(1);
		String appendix = extractor.getTextFromPage(2);
		assertThat(first).contains("濮阳市商务局", "濮商〔2026〕5号", "关于第5次项目调度情况的通报", "华龙区", "清丰县",
				"1,234.50", "765.50", "2,000.00", "合计", "2026年10月31日");
		assertThat(appendix).contains("附件1", "存在问题清单", "用地指标不足");
		// the font is embedded as a subset, not the whole 17 MB collection
		assertThat(pdf.length).isLessThan(500_000);
	}

	@Test
	void datesAndLabelsFollowTheDocumentsLanguage() throws Exception {
		var english = new OfficialDocument("Zhaoshang", null, "Project card", LocalDate.of(2026, 3, 9), Locale.ENGLISH,
				List.of(new OfficialDocument.Paragraph("Body")),
				List.of(new OfficialDocument.Appendix("Notes", List.of())));
		byte[] docx = generator("").write(english, DocumentFormat.DOCX);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(doc)) {
			assertThat(extractor.getText()).contains("2026-03-09", "Appendix 1", "Notes").doesNotContain("年");
		}
	}

	@Test
	void refusesPdfWithAMessageNamingTheFontWhenNoneIsFound() {
		DocumentGenerator generator = generator("/nowhere/no-such-font.ttc,0");

		assertThat(generator.pdfAvailable()).isFalse();
		assertThatThrownBy(() -> generator.write(packet(), DocumentFormat.PDF))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.status()).isEqualTo(503);
				assertThat(e.messageKey()).isEqualTo("document.pdf.fontMissing");
				assertThat(e.args()).containsExactly("/nowhere/no-such-font.ttc,0");
			});
		// .docx needs no font
		assertThat(generator.write(packet(), DocumentFormat.DOCX)).isNotEmpty();
	}

	@Test
	void aConfiguredFontIsUsedBeforeTheUsualPlaces() {
		assertThat(new CjkFont("").available()).as("a CJK font is installed (fonts-wqy-zenhei, as .ci/run does)").isTrue();
		String found = new CjkFont("").location();

		assertThat(new CjkFont(found).location()).isEqualTo(found);
		assertThat(CjkFont.CANDIDATES).contains("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");
	}
}
