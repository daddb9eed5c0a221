package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.web.ImportProblem;

import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The import kit by itself, without Spring: the template writer, header matching, the all-or-nothing run with its
 * counts, the one 422 body and the {@code imported} alias of the counts.
 */
class ImportKitTests {

	static final ResourceBundleMessageSource MESSAGES = messages();

	static final ImportColumns COLUMNS = ImportColumns.of(
			ImportColumn.of("name", "名称").required().note("填写全称。").example("濮阳示例有限公司"),
			ImportColumn.of("kind", "类型").alias("企业类型").choices(List.of("甲", "乙")),
			ImportColumn.of("amount", "金额（万元）").example("1200"));

	final Importer importer = new Importer(new WorkbookReader(WorkbookLimits.defaults()));

	final ImportTemplates templates = new ImportTemplates(MESSAGES);

	@Test
	void the_template_marks_required_columns_notes_them_offers_the_words_and_shows_the_example_on_a_second_sheet()
			throws IOException {
		var out = new ByteArrayOutputStream();
		templates.write("名录", COLUMNS, out);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("名录");
			assertThat(sheet.getLastRowNum()).as("the first sheet is the header row only").isZero();
			var header = sheet.getRow(0);
			assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue())).containsExactly("名称", "类型", "金额（万元）");
			assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getColor())
				.isEqualTo(IndexedColors.DARK_RED.getIndex());
			assertThat(wb.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getColor())
				.isNotEqualTo(IndexedColors.DARK_RED.getIndex());
			assertThat(header.getCell(0).getCellComment().getString().getString()).isEqualTo("必填。填写全称。");
			assertThat(header.getCell(1).getCellComment()).isNull();
			assertThat(sheet.getDataValidations()).hasSize(1);
			assertThat(sheet.getDataValidations().get(0).getValidationConstraint().getExplicitListValues())
				.containsExactly("甲", "乙");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			var example = wb.getSheetAt(1);
			assertThat(example.getSheetName()).isEqualTo("填写示例");
			assertThat(example.getRow(1).getCell(0).getStringCellValue()).isEqualTo("濮阳示例有限公司");
			assertThat(example.getRow(1).getCell(2).getStringCellValue()).isEqualTo("1200");
		}
	}

	@Test
	void a_template_with_help_has_a_sheet_of_notes_and_one_row_per_column_and_formats_its_cells() throws IOException {
		var columns = ImportColumns.of(COLUMNS.all().get(0), COLUMNS.all().get(1),
				COLUMNS.all().get(2).note("数字，单位万元。").format(ImportColumn.Format.AMOUNT).width(18),
				ImportColumn.of("date", "日期").format(ImportColumn.Format.DATE));
		var out = new ByteArrayOutputStream();
		templates.write("名录", columns, ImportTemplates.Help.lines("填写说明\n1. 第 1 行是列名。\n2. 全部正确才导入。"), out);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).as("data, help, example")
				.containsExactly("名录", "填写说明", "填写示例");
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("the first sheet is still the header row only").isZero();
			assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("0.00");
			assertThat(sheet.getColumnStyle(3).getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(sheet.getColumnWidth(2)).isEqualTo(18 * 256);
			assertThat(sheet.getRow(0).getCell(2).getCellComment().getString().getString()).isEqualTo("数字，单位万元。");

			List<List<String>> help = new ArrayList<>();
			wb.getSheetAt(1).forEach(row -> {
				List<String> cells = new ArrayList<>();
				row.forEach(c -> cells.add(c.getStringCellValue()));
				help.add(cells);
			});
			assertThat(help).containsExactly(List.of("填写说明"), List.of("1. 第 1 行是列名。"), List.of("2. 全部正确才导入。"),
					List.of("列名", "是否必填", "填写要求", "示例"), List.of("名称", "是", "填写全称。", "濮阳示例有限公司"),
					List.of("类型", "否", "", ""), List.of("金额（万元）", "否", "数字，单位万元。", "1200"),
					List.of("日期", "否", "", ""));
			assertThat(wb.getSheetAt(1).getMergedRegions()).as("each note spans the table").hasSize(3)
				.allMatch(region -> region.getLastColumn() == 3);
		}
	}

	@Test
	void a_long_note_gets_the_height_of_its_lines_because_excel_never_fits_a_merged_cell() throws IOException {
		var out = new ByteArrayOutputStream();
		templates.write("名录", COLUMNS, ImportTemplates.Help.of("短。", "长".repeat(150)), out);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var help = wb.getSheet("填写说明");
			float line = help.getDefaultRowHeightInPoints();
			assertThat(help.getRow(0).getHeightInPoints()).isEqualTo(line);
			assertThat(help.getRow(1).getHeightInPoints()).as("300 columns of text in a span of 138").isEqualTo(3 * line);
		}
	}

	@Test
	void a_help_sheet_without_examples_has_no_example_column_and_the_reader_takes_only_the_first_sheet()
			throws IOException {
		var columns = ImportColumns.of(ImportColumn.of("name", "名称").required().note("填写全称。"));
		var out = new ByteArrayOutputStream();
		templates.write("名录", columns, ImportTemplates.Help.of(), out);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(2);
			var help = wb.getSheet("填写说明");
			assertThat(help.getRow(0).getCell(0).getStringCellValue()).as("no notes: the table starts at row 1")
				.isEqualTo("列名");
			assertThat(help.getRow(0).getLastCellNum()).isEqualTo((short) 3);
			assertThat(help.getRow(1).getCell(2).getStringCellValue()).isEqualTo("填写全称。");
		}
		assertThatThrownBy(() -> importer.run(out.toByteArray(), new Rules()))
			.as("an empty template has no rows to import, whatever its help sheet holds")
			.hasMessage("import.noRows");
	}

	@Test
	void a_filled_template_imports_its_rows_and_counts_each_outcome() throws IOException {
		var rules = new Rules();
		var result = importer.run(workbook(List.of("名称", "企业类型", "多余的列"), List.of("甲公司", "甲", "x"),
				List.of("乙公司", "", ""), List.of("", "", "只在多余的列"), List.of("丙公司", "乙", "")), rules);
		assertThat(result).isEqualTo(ImportResult.of(2, 0, 1));
		assertThat(rules.written).containsExactly("甲公司|甲", "乙公司|null", "丙公司|乙");
		assertThat(rules.finished).isTrue();
	}

	@Test
	void any_refused_cell_refuses_the_file_and_lists_every_error_before_anything_is_written() throws IOException {
		var rules = new Rules();
		assertThatThrownBy(() -> importer.run(workbook(List.of("名称", "类型"), List.of("甲公司", "丁"),
				List.of("乙公司", "甲"), List.of("乙公司", "乙")), rules))
			.isInstanceOfSatisfying(ImportRejected.class, e -> {
				assertThat(e.messageKey()).isEqualTo("import.rejected");
				assertThat(e.args()).containsExactly(2);
				assertThat(e.errors()).extracting(ImportRejected.CellError::row, ImportRejected.CellError::column,
						ImportRejected.CellError::messageKey)
					.containsExactly(tuple(2, "类型", "test.unknownKind"), tuple(4, "名称", "import.error.duplicateRow"));
			});
		assertThat(rules.written).isEmpty();
	}

	@Test
	void a_missing_required_column_and_a_repeated_header_refuse_the_file_at_row_1() throws IOException {
		assertThatThrownBy(() -> importer.run(workbook(List.of("类型", "企业类型*"), List.of("甲", "乙")), new Rules()))
			.isInstanceOfSatisfying(ImportRejected.class,
					e -> assertThat(e.errors())
						.extracting(ImportRejected.CellError::row, ImportRejected.CellError::column,
								ImportRejected.CellError::messageKey)
						.containsExactly(tuple(1, "企业类型*", "import.error.duplicateHeader"),
								tuple(1, "名称", "import.error.missingHeader")));
	}

	@Test
	void a_sheet_without_data_rows_or_with_too_many_or_not_a_workbook_is_refused_with_the_platform_keys()
			throws IOException {
		assertThatThrownBy(() -> importer.run(workbook(List.of("名称")), new Rules())).hasMessage("import.noRows");
		var few = new Rules() {
			@Override
			public int maxRows() {
				return 1;
			}
		};
		assertThatThrownBy(() -> importer.run(workbook(List.of("名称"), List.of("甲"), List.of("乙")), few))
			.isInstanceOfSatisfying(BusinessException.class,
					e -> assertThat(e.args()).containsExactly(1))
			.hasMessage("import.tooManyRows");
		assertThatThrownBy(() -> importer.run("名称\n甲".getBytes(), new Rules())).hasMessage("import.notXlsx");
	}

	@Test
	void a_refused_import_answers_one_problem_shape_with_row_column_message_and_the_count() {
		var rejected = new ImportRejected(Importer.REJECTED,
				List.of(new ImportRejected.CellError(3, "名称", "import.error.duplicateRow", 2)));
		var problem = ImportProblem.of(rejected, MESSAGES, Locale.SIMPLIFIED_CHINESE, URI.create("/api/v1/x/import"));
		assertThat(problem.getStatus()).isEqualTo(422);
		assertThat(problem.getDetail()).isEqualTo("工作簿中有 1 处错误，未导入任何数据。请逐条修改后重新上传。");
		assertThat(problem.getInstance()).hasToString("/api/v1/x/import");
		assertThat(problem.getProperties()).containsEntry("errorCount", 1);
		assertThat(problem.getProperties().get("errors"))
			.isEqualTo(List.of(new ImportRejected.CellProblem(3, "名称", "与第 2 行重复")));
		var english = ImportProblem.of(rejected, MESSAGES, Locale.ENGLISH, URI.create("/x"));
		assertThat(english.getDetail()).startsWith("The workbook has 1 errors");
	}

	@Test
	void the_counts_are_created_updated_unchanged_and_imported_only_as_the_alias_where_clients_had_it() {
		var json = JsonMapper.builder().build();
		assertThat(json.writeValueAsString(ImportResult.of(2, 1, 0)))
			.isEqualTo("{\"created\":2,\"updated\":1,\"unchanged\":0}");
		assertThat(json.writeValueAsString(ImportResult.of(2, 1, 0).withImportedAlias()))
			.isEqualTo("{\"created\":2,\"updated\":1,\"unchanged\":0,\"imported\":2}");
	}

	/** Names required, kinds 甲/乙, a name twice refused; a row without a kind is counted unchanged. */
	static class Rules implements ImportRules<String> {

		final List<String> written = new ArrayList<>();
		boolean finished;

		@Override
		public ImportColumns columns() {
			return COLUMNS;
		}

		@Override
		public String check(ImportRow row) {
			String kind = row.text("kind");
			if (kind != null && !List.of("甲", "乙").contains(kind)) {
				row.refuse("kind", "test.unknownKind", kind);
				return null;
			}
			return row.text("name", "") + "|" + kind;
		}

		@Override
		public List<Object> sameKeys(String line) {
			return List.of(line.substring(0, line.indexOf('|')));
		}

		@Override
		public Outcome write(String line, ImportRow row) {
			written.add(line);
			return line.endsWith("null") ? Outcome.UNCHANGED : Outcome.CREATED;
		}

		@Override
		public void finish() {
			finished = true;
		}
	}

	@SafeVarargs
	static byte[] workbook(List<String>... rows) throws IOException {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet();
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].size(); c++) {
					if (!rows[r].get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows[r].get(c));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static ResourceBundleMessageSource messages() {
		var m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/platform");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

}
