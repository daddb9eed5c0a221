package cn.zhaoshang.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one writer of import templates: the first sheet holds the header row only (bold; required columns in red; a
 * column's note as a comment on its header; drop-downs for its words), frozen, so that a filled template imports
 * as it is; when any column has an example, a second sheet (填写示例) shows the same headers with the example row,
 * where the reader, which reads the first sheet only, never takes it for data.
 */
@Component
public class ImportTemplates {

	/** Rows of the first sheet that offer the drop-downs. */
	static final int CHOICE_ROWS = 5000;

	/** Excel keeps an explicit list to 255 characters; a longer one is left to the note. */
	private static final int MAX_LIST = 255;

	private final MessageSource messages;

	public ImportTemplates(MessageSource messages) {
		this.messages = messages;
	}

	/** The template of these columns, its first sheet named as given (in Chinese, like the headers). */
	public void write(String sheetName, ImportColumns columns, OutputStream out) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			var styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(sheetName);
			header(sheet, columns, styles, true);
			choices(sheet, columns);
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
			sheet.setColumnWidth(c, Math.max(12, Math.min(40, column.header().length() * 2 + 6)) * 256);
			String note = note(column);
			if (drawing != null && note != null) {
				ClientAnchor anchor = factory.createClientAnchor();
				anchor.setCol1(c);
				anchor.setCol2(c + 3);
				anchor.setRow1(0);
				anchor.setRow2(4);
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

	/** Two header styles per workbook (never one per cell). */
	private static final class Styles {

		final CellStyle plain;
		final CellStyle required;

		Styles(XSSFWorkbook workbook) {
			plain = style(workbook, false);
			required = style(workbook, true);
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
