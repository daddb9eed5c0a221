package cn.zhaoshang.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one writer of import templates: the first sheet holds the header row only (bold; required columns in red; a
 * column's note as a comment on its header; drop-downs for its words; amount and date formats ready in its cells;
 * its width), frozen, so that a filled template imports as it is. Given a {@link Help}, a sheet 填写说明 follows: the
 * help's general notes, then a table with one row per column (列名, 是否必填, 填写要求 from the column's note, and
 * 示例 when any column has an example). When any column has an example, a last sheet (填写示例) shows the same
 * headers with the example row. The reader reads the first sheet only, so neither is ever taken for data.
 */
@Component
public class ImportTemplates {

	/** Rows of the first sheet that offer the drop-downs. */
	static final int CHOICE_ROWS = 10_000;

	/** Excel keeps an explicit list to 255 characters; a longer one is left to the note. */
	private static final int MAX_LIST = 255;

	/** Width of a help sheet's columns in characters: 列名, 是否必填, 填写要求, 示例. */
	private static final int[] HELP_WIDTHS = { 24, 10, 80, 24 };

	private final MessageSource messages;

	public ImportTemplates(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The help sheet of a template: lines of general notes (in Chinese, like the headers), written above the table of
	 * the columns; an empty list gives the table alone.
	 */
	public record Help(List<String> notes) {

		public Help {
			notes = List.copyOf(notes);
		}

		public static Help of(String... notes) {
			return new Help(List.of(notes));
		}

		/** The notes of one text (a bundle value), one note per line of it. */
		public static Help lines(String text) {
			return new Help(List.of(text.split("\\n")));
		}
	}

	/** The template of these columns, its first sheet named as given (in Chinese, like the headers). */
	public void write(String sheetName, ImportColumns columns, OutputStream out) throws IOException {
		write(sheetName, columns, null, out);
	}

	/** The template of these columns with a help sheet (none when help is null). */
	public void write(String sheetName, ImportColumns columns, Help help, OutputStream out) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			var styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(sheetName);
			header(sheet, columns, styles, true);
			formats(sheet, columns, styles);
			choices(sheet, columns);
			if (help != null) {
				help(workbook.createSheet(chinese("import.template.helpSheet")), columns, help, styles);
			}
			if (columns.all().stream().anyMatch(c -> c.example() != null)) {
				Sheet example = workbook.createSheet(chinese("import.template.exampleSheet"));
				header(example, columns, styles, false);
				Row row = example.createRow(1);
				for (int c = 0; c < columns.all().size(); c++) {
					XlsxText.set(row.createCell(c), columns.all().get(c).example());
				}
			}
			workbook.write(out);
		}
	}

	/** The file name of a template: the module's name for it and .xlsx. */
	public String fileName(String messageKey, Locale locale) {
		String name = messages.getMessage(messageKey, null, messageKey, locale);
		return name.endsWith(".xlsx") ? name : name + ".xlsx";
	}

	private void header(Sheet sheet, ImportColumns columns, Styles styles, boolean notes) {
		Row header = sheet.createRow(0);
		var drawing = notes ? sheet.createDrawingPatriarch() : null;
		var factory = sheet.getWorkbook().getCreationHelper();
		for (int c = 0; c < columns.all().size(); c++) {
			ImportColumn column = columns.all().get(c);
			var cell = header.createCell(c);
			XlsxText.set(cell, column.header());
			cell.setCellStyle(column.mandatory() ? styles.required : styles.plain);
			int width = column.width() > 0 ? column.width()
					: Math.max(12, Math.min(40, column.header().length() * 2 + 6));
			sheet.setColumnWidth(c, width * 256);
			String note = note(column);
			if (drawing != null && note != null) {
				ClientAnchor anchor = factory.createClientAnchor();
				anchor.setCol1(c);
				anchor.setCol2(c + 3);
				anchor.setRow1(0);
				// a long note gets a taller box (about eighteen CJK characters a line)
				anchor.setRow2(Math.max(4, Math.min(24, note.length() / 18 + 2)));
				var comment = drawing.createCellComment(anchor);
				comment.setString(factory.createRichTextString(note));
				cell.setCellComment(comment);
			}
		}
		sheet.createFreezePane(0, 1);
	}

	/** The required mark (import.template.required) and the column's note; null when there is nothing to say. */
	private String note(ImportColumn column) {
		String required = column.mandatory() ? chinese("import.template.required") : null;
		if (required == null) {
			return column.note();
		}
		return column.note() == null ? required : required + column.note();
	}

	/** The amount and date formats of the columns that have one, on the whole column (typed values show so). */
	private static void formats(Sheet sheet, ImportColumns columns, Styles styles) {
		for (int c = 0; c < columns.all().size(); c++) {
			switch (columns.all().get(c).format()) {
				case AMOUNT -> sheet.setDefaultColumnStyle(c, styles.cells.amount);
				case DATE -> sheet.setDefaultColumnStyle(c, styles.cells.date);
				case GENERAL -> {
				}
			}
		}
	}

	/** The help sheet: the notes, a blank row, then the table of the columns. */
	private void help(Sheet sheet, ImportColumns columns, Help help, Styles styles) {
		boolean examples = columns.all().stream().anyMatch(c -> c.example() != null);
		List<String> heads = new ArrayList<>(List.of(chinese("import.template.help.column"),
				chinese("import.template.help.required"), chinese("import.template.help.rule")));
		if (examples) {
			heads.add(chinese("import.template.help.example"));
		}
		for (int c = 0; c < heads.size(); c++) {
			sheet.setColumnWidth(c, HELP_WIDTHS[c] * 256);
		}
		int span = 0;
		for (int c = 0; c < heads.size(); c++) {
			span += HELP_WIDTHS[c];
		}
		int r = 0;
		for (String line : help.notes()) {
			SheetRow row = styles.cells.row(sheet, r).styled(line, styles.cells.wrap);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, heads.size() - 1));
			// Excel never fits a merged cell's height to its text: give a long note the lines it needs
			int lines = (width(line) + span - 3) / (span - 2);
			if (lines > 1) {
				row.row().setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
			}
			r++;
		}
		if (r > 0) {
			r++;
		}
		SheetRow head = styles.cells.row(sheet, r++);
		heads.forEach(h -> head.styled(h, styles.cells.header));
		String yes = chinese("import.template.help.yes");
		String no = chinese("import.template.help.no");
		for (ImportColumn column : columns.all()) {
			SheetRow row = styles.cells.row(sheet, r++)
				.styled(column.header(), styles.cells.top)
				.styled(column.mandatory() ? yes : no, styles.cells.top)
				.styled(column.note() == null ? "" : column.note(), styles.cells.wrap);
			if (examples) {
				row.styled(column.example() == null ? "" : column.example(), styles.cells.top);
			}
		}
	}

	/** The width of a text in characters as a column counts them: a CJK (or other wide) character counts two. */
	private static int width(String text) {
		return text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
	}

	private static void choices(Sheet sheet, ImportColumns columns) {
		var helper = sheet.getDataValidationHelper();
		for (int c = 0; c < columns.all().size(); c++) {
			var words = columns.all().get(c).choices();
			if (words.isEmpty() || String.join(",", words).length() > MAX_LIST) {
				continue;
			}
			var validation = helper.createValidation(helper.createExplicitListConstraint(words.toArray(String[]::new)),
					new CellRangeAddressList(1, CHOICE_ROWS, c, c));
			validation.setShowErrorBox(true);
			sheet.addValidationData(validation);
		}
	}

	private String chinese(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	/** The styles of one workbook, created once (never one per cell): two for the header, the kit's for the rest. */
	private static final class Styles {

		final CellStyle plain;
		final CellStyle required;
		final WorkbookStyles cells;

		Styles(XSSFWorkbook workbook) {
			plain = style(workbook, false);
			required = style(workbook, true);
			cells = WorkbookStyles.of(workbook);
		}

		private static CellStyle style(XSSFWorkbook workbook, boolean required) {
			CellStyle style = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			if (required) {
				font.setColor(IndexedColors.DARK_RED.getIndex());
			}
			style.setFont(font);
			return style;
		}
	}
}
