package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportRejected.CellError;

/**
 * One data row of an import, by field: its number as Excel shows it, its cells of the sheet's known columns, and the
 * way to refuse one of them (collected with every other error of the file; nothing is saved if there is any).
 */
public final class ImportRow {

	private final int number;
	private final Map<String, ImportSheet.Cell> cells;
	private final java.util.Set<String> present;
	private final ImportColumns columns;
	private final List<CellError> errors;

	ImportRow(int number, Map<String, ImportSheet.Cell> cells, java.util.Set<String> present, ImportColumns columns,
			List<CellError> errors) {
		this.number = number;
		this.cells = cells;
		this.present = present;
		this.columns = columns;
		this.errors = errors;
	}

	/** The row number as Excel shows it (2 = the first data row). */
	public int number() {
		return number;
	}

	/** Whether the sheet has this column (a column left out keeps what an existing record has). */
	public boolean has(String field) {
		return present.contains(field);
	}

	/** The cell as read, or null when blank or the sheet has no such column. */
	public ImportSheet.Cell cell(String field) {
		return cells.get(field);
	}

	/** The cell's text, stripped; null when blank or the sheet has no such column. */
	public String text(String field) {
		ImportSheet.Cell cell = cells.get(field);
		String text = cell == null ? null : cell.text().strip();
		return text == null || text.isEmpty() ? null : text;
	}

	/** The cell's text, stripped; the fallback when blank or absent. */
	public String text(String field, String fallback) {
		String text = text(field);
		return text == null ? fallback : text;
	}

	/** A number cell's value, or a text cell's (thousands separators allowed); null when blank or no number. */
	public BigDecimal decimal(String field) {
		ImportSheet.Cell cell = cells.get(field);
		if (cell == null) {
			return null;
		}
		if (cell.number() != null) {
			return cell.number();
		}
		try {
			return new BigDecimal(cell.text().strip().replace(",", "").replace("\uFF0C", "").strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** Names or codes of one cell, separated by 、，, ; ； or new lines; empty when blank. */
	public List<String> list(String field) {
		String text = text(field);
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\u3001\\uFF0C,;\\uFF1B\\n]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
	}

	/** Refuses the cell of this field: the reason as a message key (or a resolved text) with its arguments. */
	public void refuse(String field, String messageKey, Object... args) {
		errors.add(new CellError(number, columns.label(field), messageKey, args));
	}

	/** The number of errors of the whole file so far: a check compares it before and after. */
	public int errorCount() {
		return errors.size();
	}

	/** Whether this field's cell was refused since the given {@link #errorCount()}. */
	public boolean refusedSince(int mark, String field) {
		String label = columns.label(field);
		return errors.subList(mark, errors.size()).stream().anyMatch(e -> e.row() == number && e.column().equals(label));
	}

	/** Whether any cell of a known column holds text. */
	boolean any() {
		return cells.values().stream().anyMatch(c -> !c.text().isBlank());
	}
}
