package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The one workbook reader: texts come back exactly as the platform's writers wrote them (shared or inline strings),
 * control characters are refused by row and column, and hostile workbooks are refused by their size, rows or cells
 * before they can fill the heap; at most N imports read at once.
 */
class WorkbookReaderTests {

	static final String NOT_XLSX = "test.notXlsx";
	static final String REJECTED = "test.rejected";

	static final List<String> HOSTILE = List.of("X_x0041_Y", "_x000D_", "_x005F_", "_x005F_x0041_", "_x0041", "a_xZZZZ_b",
			"_X0041_", "line\r\nbreak", "cr\ronly", "lf\nonly", "tab\there", "  spaces  ", "濮阳市招商引资", "emoji 😀🇨🇳",
			"שלום عربى", "=1+1", "+1", "-1", "@SUM(A1)", "'quoted", "<t>&amp;</t>", "\u00A0nbsp");

	final WorkbookReader reader = new WorkbookReader(WorkbookLimits.defaults());

	@Test
	void escaping_then_decoding_gives_back_every_text() {
		var random = new Random(20261206);
		String alphabet = "_x005FAD0d1\r\n a濮😀";
		for (int n = 0; n < 20_000; n++) {
			var sb = new StringBuilder();
			int length = random.nextInt(24);
			for (int i = 0; i < length; i++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = sb.toString().replace("\uD83D", "").replace("\uDE00", "");
			assertThat(XlsxText.decode(XlsxText.escape(text))).as(text).isEqualTo(text);
		}
		assertThat(XlsxText.escape("X_x0041_Y")).isEqualTo("X_x005F_x0041_Y");
		assertThat(XlsxText.decode("a_x000D_b_x005F_x0041_")).isEqualTo("a\rb_x0041_");
	}

	@Test
	void texts_written_by_every_kind_of_writer_read_back_exactly() throws IOException {
		for (Workbook wb : List.of(new XSSFWorkbook(), new SXSSFWorkbook(null, 10, false, false),
				new SXSSFWorkbook(null, 10, false, true))) {
			var sheet = wb.createSheet("s");
			XlsxText.set(sheet.createRow(0).createCell(0), "备注");
			for (int i = 0; i < HOSTILE.size(); i++) {
				XlsxText.set(sheet.createRow(i + 1).createCell(0), HOSTILE.get(i));
			}
			try (var read = reader.firstSheet(bytes(wb), NOT_XLSX, REJECTED)) {
				assertThat(read.dataRows()).extracting(r -> r.cells().get(0).text())
					.as(wb.getClass().getSimpleName())
					.containsExactlyElementsOf(HOSTILE);
				assertThat(read.headers()).containsEntry(0, "备注");
			}
		}
	}

	@Test
	void a_line_break_written_as_excel_writes_it_is_decoded_once() throws IOException {
		var wb = new XSSFWorkbook();
		var sheet = wb.createSheet("s");
		sheet.createRow(0).createCell(0).setCellValue("备注");
		// Excel itself stores a carriage return as _x000D_; POI's raw setter writes the text as it is
		sheet.createRow(1).createCell(0).setCellValue("a_x000D_\nb");
		try (var read = reader.firstSheet(bytes(wb), NOT_XLSX, REJECTED)) {
			assertThat(read.dataRows().get(0).cells().get(0).text()).isEqualTo("a\r\nb");
		}
	}

	@Test
	void a_control_character_is_refused_with_its_row_and_column() throws IOException {
		var wb = new SXSSFWorkbook();
		var sheet = wb.createSheet("s");
		var header = sheet.createRow(0);
		header.createCell(0).setCellValue("名称");
		header.createCell(1).setCellValue("备注");
		var row = sheet.createRow(1);
		row.createCell(0).setCellValue("正常");
		row.createCell(1).setCellValue("a_x0000_b");
		sheet.createRow(4).createCell(2).setCellValue("_x001B_");

		assertThatThrownBy(() -> reader.firstSheet(bytes(wb), NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(ImportRejected.class, e -> {
				assertThat(e.messageKey()).isEqualTo(REJECTED);
				assertThat(e.errors()).extracting(ImportRejected.CellError::row, ImportRejected.CellError::column,
						ImportRejected.CellError::messageKey)
					.containsExactly(tuple(2, "备注", "import.error.controlCharacter"),
							tuple(5, "C", "import.error.controlCharacter"));
				assertThat(e.errors().get(0).args()).containsExactly(2, "U+0000");
			});
	}

	@Test
	void a_zip_bomb_is_refused_by_its_declared_size_before_anything_is_inflated() throws IOException {
		byte[] bomb = bomb(110);
		assertThat(bomb.length).as("a small upload").isLessThan(1024 * 1024);

		assertThatThrownBy(() -> reader.firstSheet(bomb, NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("import.workbook.tooLarge");
				assertThat(e.status()).isEqualTo(413);
				assertThat(e.args()).containsExactly(100L);
			});
	}

	@Test
	void a_zip_bomb_that_declares_false_sizes_is_refused_while_inflating_in_bounded_memory() throws IOException {
		byte[] bomb = lieAboutSizes(bomb(30));
		var limits = new WorkbookLimits(DataSize.ofMegabytes(10), 100_000, 2_000_000, 2, Duration.ofSeconds(1));
		var runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();

		assertThatThrownBy(() -> new WorkbookReader(limits).firstSheet(bomb, NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("import.workbook.tooLarge");
				assertThat(e.args()).containsExactly(10L);
			});

		long after = runtime.totalMemory() - runtime.freeMemory();
		// loose: the 30 MB sheet is inflated in small buffers and stopped at the 10 MB budget
		assertThat(after - before).as("heap growth in bytes").isLessThan(60L * 1024 * 1024);
	}

	@Test
	void a_text_longer_than_excel_allows_is_refused() throws IOException {
		String sheetXml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "a".repeat(40_000) + "</t></is></c></row>"
				+ "</sheetData></worksheet>";
		assertThatThrownBy(() -> reader.firstSheet(pkg(sheetXml.getBytes(StandardCharsets.UTF_8)), NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("import.workbook.cellTooLong"));
	}

	@Test
	void too_many_rows_or_cells_are_refused_naming_the_limit() throws IOException {
		var wb = new SXSSFWorkbook();
		var sheet = wb.createSheet("s");
		for (int r = 0; r <= 101; r++) {
			sheet.createRow(r).createCell(0).setCellValue("r" + r);
		}
		byte[] file = bytes(wb);
		var limits = new WorkbookLimits(DataSize.ofMegabytes(100), 100, 1000, 2, Duration.ofSeconds(1));
		assertThatThrownBy(() -> new WorkbookReader(limits).firstSheet(file, NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("import.workbook.tooManyRows");
				assertThat(e.args()).containsExactly(100);
			});
		var fewCells = new WorkbookLimits(DataSize.ofMegabytes(100), 1000, 50, 2, Duration.ofSeconds(1));
		assertThatThrownBy(() -> new WorkbookReader(fewCells).firstSheet(file, NOT_XLSX, REJECTED))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.messageKey()).isEqualTo("import.workbook.tooManyCells"));
		try (var read = new WorkbookReader(WorkbookLimits.defaults()).firstSheet(file, NOT_XLSX, REJECTED)) {
			assertThat(read.dataRows()).hasSize(101);
		}
	}

	@Test
	void at_most_the_configured_number_of_imports_read_at_once() throws IOException {
		var wb = new XSSFWorkbook();
		wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
		byte[] file = bytes(wb);
		var one = new WorkbookReader(new WorkbookLimits(DataSize.ofMegabytes(100), 100, 1000, 1, Duration.ofMillis(50)));

		try (var first = one.firstSheet(file, NOT_XLSX, REJECTED)) {
			assertThatThrownBy(() -> one.firstSheet(file, NOT_XLSX, REJECTED))
				.isInstanceOfSatisfying(BusinessException.class, e -> {
					assertThat(e.status()).isEqualTo(503);
					assertThat(e.messageKey()).isEqualTo("import.workbook.busy");
				});
		}
		try (var again = one.firstSheet(file, NOT_XLSX, REJECTED)) {
			assertThat(again.rows()).hasSize(1);
		}
		assertThatThrownBy(() -> one.firstSheet("PK\3\4 not really".getBytes(), NOT_XLSX, REJECTED))
			.hasMessage(NOT_XLSX);
		try (var afterFailure = one.firstSheet(file, NOT_XLSX, REJECTED)) {
			assertThat(afterFailure.rows()).as("a refused file gives its turn back").hasSize(1);
		}
	}

	static byte[] bytes(Workbook wb) throws IOException {
		try (wb; var out = new ByteArrayOutputStream()) {
			wb.write(out);
			return out.toByteArray();
		}
	}

	/** A minimal .xlsx package around the given sheet XML, as java.util.zip writes it (deflated). */
	static byte[] pkg(byte[] sheetXml) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
			put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
					+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ "<sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write(sheetXml);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	/** A workbook whose one sheet inflates to about the given megabytes of one repeated blank row. */
	static byte[] bomb(int megabytes) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(out)) {
			put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				.getBytes(StandardCharsets.UTF_8));
			byte[] block = "<row/>".repeat(1024 * 1024 / 6).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < megabytes; i++) {
				zip.write(block);
			}
			zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
					+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ "<sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
		}
		return out.toByteArray();
	}

	/** The same package with every size in the central directory claimed to be 1 KB. */
	static byte[] lieAboutSizes(byte[] zip) {
		var buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
		List<Integer> headers = new ArrayList<>();
		for (int i = 0; i + 4 <= zip.length; i++) {
			if (buffer.getInt(i) == 0x02014b50) {
				headers.add(i);
			}
		}
		assertThat(headers).isNotEmpty();
		for (int at : headers) {
			buffer.putInt(at + 24, 1024);
		}
		return buffer.array();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}
}
