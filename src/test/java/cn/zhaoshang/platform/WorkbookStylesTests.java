package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The export kit's styles and row writer: each style created once per workbook with its number format, every cell
 * written with its style set explicitly (so a column's default style never leaks into a streamed cell, which is
 * what made POI look the column style up for every cell), and texts escaped so that they read back as written.
 */
class WorkbookStylesTests {

	final WorkbookReader reader = new WorkbookReader(WorkbookLimits.defaults());

	@Test
	void each_style_has_its_number_format_and_the_header_and_totals_are_bold_on_grey() throws IOException {
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			assertThat(styles.text.getIndex()).isZero();
			assertThat(styles.amount.getDataFormatString()).isEqualTo("0.00");
			assertThat(styles.groupedAmount.getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(styles.integer.getDataFormatString()).isEqualTo("0");
			assertThat(styles.date.getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(styles.wrap.getWrapText()).isTrue();
			for (var bold : List.of(styles.header, styles.total)) {
				assertThat(wb.getFontAt(bold.getFontIndex()).getBold()).isTrue();
				assertThat(bold.getFillForegroundColor()).isNotZero();
			}
			int before = wb.getNumCellStyles();
			var sheet = wb.createSheet("s");
			for (int r = 0; r < 100; r++) {
				styles.row(sheet, r).text("x").amount(BigDecimal.ONE).date(LocalDate.of(2026, 1, 1)).integer(r);
			}
			assertThat(wb.getNumCellStyles()).as("no style per cell").isEqualTo(before);
		}
	}

	@Test
	void a_streamed_row_reads_back_with_its_values_formats_and_texts_exactly() throws IOException {
		byte[] file;
		var wb = new SXSSFWorkbook(2);
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet("s");
			// a column default style that a cell without a style of its own would take over
			sheet.setDefaultColumnStyle(0, styles.amount);
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column("名称", 30), new WorkbookStyles.Column("金额", 12),
					new WorkbookStyles.Column("日期", 12), new WorkbookStyles.Column("数量", 8),
					new WorkbookStyles.Column("备注", 20)));
			for (int r = 1; r <= 10; r++) {
				styles.row(sheet, r)
					.text("X_x0041_Y 第" + r + "行")
					.amount(new BigDecimal("1234.5"))
					.date(LocalDate.of(2026, 12, r))
					.integer(r)
					.lines("一\n二");
			}
			styles.row(sheet, 11).text(null).amount(null).date(null).skip().groupedAmount(new BigDecimal("9.99"));
			file = bytes(wb);
		}
		finally {
			wb.dispose();
		}

		try (var read = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet s = read.getSheetAt(0);
			assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
			assertThat(read.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(s.getColumnWidth(0)).isEqualTo(30 * 256);
			var row = s.getRow(10);
			// POI's reader itself falls back to the column's style for a cell without one; the file must say 0 (no s)
			assertThat(cellXml(file, "A11")).as("the text style, not the column's").doesNotContain(" s=");
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
			assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 10));
			assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(10);
			assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0");
			assertThat(row.getCell(4).getCellStyle().getWrapText()).isTrue();
			var blanks = s.getRow(11);
			assertThat(blanks.getCell(0).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(blanks.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(blanks.getCell(3)).isNull();
			assertThat(blanks.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
		}
		try (var sheet = reader.firstSheet(file, "test.notXlsx", "test.rejected")) {
			assertThat(sheet.dataRows().get(9).cells().get(0).text()).isEqualTo("X_x0041_Y 第10行");
			assertThat(sheet.dataRows().get(9).cells().get(4).text()).isEqualTo("一\n二");
			assertThat(sheet.dataRows().get(9).cells().get(1).number()).isEqualByComparingTo("1234.5");
			assertThat(sheet.dataRows().get(9).cells().get(2).date()).isEqualTo(LocalDate.of(2026, 12, 10));
		}
	}

	@Test
	void the_streaming_workbook_spills_rows_to_its_temporary_file_and_reads_back_whole() throws IOException {
		int rows = StreamingWorkbook.ROW_WINDOW * 3 + 7;
		byte[] file;
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet("s");
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column("名称", 20), new WorkbookStyles.Column("金额", 12)));
			for (int r = 1; r <= rows; r++) {
				styles.row(sheet, r).text("项目_x0041_<&>\"\uD83D\uDE00" + r).amount(BigDecimal.valueOf(r, 2));
			}
			file = bytes(wb);
		}
		finally {
			wb.dispose();
		}
		try (var sheet = reader.firstSheet(file, "test.notXlsx", "test.rejected")) {
			assertThat(sheet.dataRows()).hasSize(rows);
			// Chinese, an escape-like text, XML's special characters and a character outside the BMP, through the
			// temporary file's own UTF-8 writer (Utf8FileWriter) and back
			assertThat(sheet.dataRows().get(rows - 1).cells().get(0).text())
				.isEqualTo("项目_x0041_<&>\"\uD83D\uDE00" + rows);
			assertThat(sheet.dataRows().get(rows - 1).cells().get(1).number()).isEqualByComparingTo(
					BigDecimal.valueOf(rows, 2));
		}
	}

	/** The opening tag of a cell in the first sheet's XML. */
	static String cellXml(byte[] file, String ref) throws IOException {
		Path tmp = Files.createTempFile("styles", ".xlsx");
		try {
			Files.write(tmp, file);
			try (var zip = new ZipFile(tmp.toFile())) {
				String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
						StandardCharsets.UTF_8);
				Matcher m = Pattern.compile("<c r=\"" + ref + "\"[^>]*>").matcher(xml);
				assertThat(m.find()).as(ref).isTrue();
				return m.group();
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	static byte[] bytes(Workbook wb) throws IOException {
		var out = new ByteArrayOutputStream();
		wb.write(out);
		return out.toByteArray();
	}
}
