package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The non-blank rows of an uploaded workbook's first sheet, as {@link WorkbookReader} read them. An import holds one
 * of the reader's turns while it is open: close it (try-with-resources) when the import is done.
 */
public final class ImportSheet implements AutoCloseable {

	/** What a cell holds. */
	public enum Kind {
		TEXT, NUMBER, DATE, BOOLEAN, ERROR
	}

	/**
	 * One non-blank cell.
	 *
	 * @param text exactly the text the writer wrote (TEXT; not stripped), the number as Excel shows it at full
	 * precision (NUMBER), the date as yyyy-MM-dd (DATE), TRUE/FALSE, or the error code such as #N/A
	 * @param number a NUMBER cell's value, else null
	 * @param date a DATE cell's value (a number in a date format, as Excel decides), else null
	 */
	public record Cell(Kind kind, String text, BigDecimal number, LocalDate date) {
	}

	/** A row with at least one non-blank cell: its number as Excel shows it (1 = the header row), cells by column. */
	public record Row(int number, Map<Integer, Cell> cells) {

		/** The cells' texts by column (0 = A), stripped; cells of blank text left out. */
		public Map<Integer, String> texts() {
			Map<Integer, String> texts = new LinkedHashMap<>();
			cells.forEach((column, cell) -> {
				String text = cell.text().strip();
				if (!text.isEmpty()) {
					texts.put(column, text);
				}
			});
			return texts;
		}
	}

	private final List<Row> rows;
	private final Runnable release;
	private final AtomicBoolean open = new AtomicBoolean(true);

	ImportSheet(List<Row> rows, Runnable release) {
		this.rows = List.copyOf(rows);
		this.release = release;
	}

	/** Every non-blank row, the header row (when row 1 is not blank) first. */
	public List<Row> rows() {
		return rows;
	}

	/** Row 1's texts by column, stripped; empty when row 1 is blank. */
	public Map<Integer, String> headers() {
		return !rows.isEmpty() && rows.get(0).number() == 1 ? rows.get(0).texts() : Map.of();
	}

	/** The rows below row 1. */
	public List<Row> dataRows() {
		return rows.stream().filter(r -> r.number() > 1).toList();
	}

	/** Ends the import's turn (once). */
	@Override
	public void close() {
		if (open.compareAndSet(true, false)) {
			release.run();
		}
	}
}
