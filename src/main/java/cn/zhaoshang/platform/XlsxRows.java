package cn.zhaoshang.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of a small uploaded .xlsx workbook (an import of a few thousand rows) as text by cell, for the
 * imports that match row 1's headers by their text. A file that is not an .xlsx workbook (checked by its content,
 * not its name) is refused with the caller's message key.
 */
public final class XlsxRows {

	/**
	 * One non-blank cell.
	 *
	 * @param text the value as Excel shows it, stripped
	 * @param number a numeric (not date) cell's value at full precision, without its display format; else null
	 */
	public record Cell(String text, BigDecimal number) {
	}

	/** A row with at least one non-blank cell: its number as Excel shows it, its cells by column (0 = A). */
	public record Row(int number, Map<Integer, Cell> cells) {

		/** The cells' texts by column. */
		public Map<Integer, String> texts() {
			Map<Integer, String> texts = new LinkedHashMap<>();
			cells.forEach((column, cell) -> texts.put(column, cell.text()));
			return texts;
		}
	}

	private XlsxRows() {
	}

	/** Every non-blank row of the first sheet, in order; a file that is no .xlsx workbook throws notXlsxKey. */
	public static List<Row> firstSheet(byte[] bytes, String notXlsxKey) {
		// an .xlsx file is a zip archive; anything else (an old .xls, a renamed PDF) is refused by its content
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new BusinessException(notXlsxKey);
		}
		var formatter = new DataFormatter(Locale.CHINA);
		List<Row> rows = new ArrayList<>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
			for (var row : sheet) {
				Map<Integer, Cell> cells = new LinkedHashMap<>();
				for (var cell : row) {
					String text = cell.getCellType() == CellType.FORMULA ? formatter.formatCellValue(cell, evaluator)
							: formatter.formatCellValue(cell);
					if (text != null && !text.isBlank()) {
						cells.put(cell.getColumnIndex(), new Cell(text.strip(), number(cell)));
					}
				}
				if (!cells.isEmpty()) {
					rows.add(new Row(row.getRowNum() + 1, cells));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new BusinessException(notXlsxKey);
		}
		return rows;
	}

	private static BigDecimal number(org.apache.poi.ss.usermodel.Cell cell) {
		if (cell.getCellType() != CellType.NUMERIC || DateUtil.isCellDateFormatted(cell)) {
			return null;
		}
		return new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue()));
	}
}
