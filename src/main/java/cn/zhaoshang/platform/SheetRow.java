package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * One row of an exported sheet, written left to right (the export kit's fast cell writing). Every cell gets a style
 * from {@link WorkbookStyles} explicitly, so that POI never falls back to the per-cell column-style look-up, and
 * every text goes through {@link XlsxText#set} (its {@code _xHHHH_} escaping), so that an exported file imports
 * back as it was. A null value leaves a styled blank cell (a blank amount is still formatted when typed in).
 *
 * <pre>{@code
 * var styles = WorkbookStyles.of(wb);
 * styles.row(sheet, r).text(p.name()).amount(p.planned()).date(p.signedDate()).integer(p.count());
 * }</pre>
 */
public final class SheetRow {

	private final Row row;
	private final WorkbookStyles styles;
	private int column;

	SheetRow(Row row, WorkbookStyles styles) {
		this.row = row;
		this.styles = styles;
	}

	/** The row being written. */
	public Row row() {
		return row;
	}

	/** The next cell is written at the given column (0-based); columns skipped stay empty. */
	public SheetRow at(int column) {
		this.column = column;
		return this;
	}

	/** Leaves the next column empty (no cell at all). */
	public SheetRow skip() {
		column++;
		return this;
	}

	/** A text, escaped. */
	public SheetRow text(String value) {
		return styled(value, styles.text);
	}

	/** A text of several lines (one item a line), escaped; wrapped when it has a line break. */
	public SheetRow lines(String value) {
		return styled(value, value != null && value.indexOf('\n') >= 0 ? styles.wrap : styles.text);
	}

	/** A text in the given style (one of {@link WorkbookStyles}'), escaped. */
	public SheetRow styled(String value, CellStyle style) {
		XlsxText.set(next(style), value);
		return this;
	}

	/** An amount, {@code 0.00}. */
	public SheetRow amount(BigDecimal value) {
		return number(value, styles.amount);
	}

	/** An amount, {@code #,##0.00}. */
	public SheetRow groupedAmount(BigDecimal value) {
		return number(value, styles.groupedAmount);
	}

	/** A number in the given style. */
	public SheetRow number(BigDecimal value, CellStyle style) {
		Cell cell = next(style);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		return this;
	}

	/** A whole number, {@code 0}. */
	public SheetRow integer(long value) {
		return integer(value, styles.integer);
	}

	/** A whole number in the given style (e.g. a totals row's count). */
	public SheetRow integer(long value, CellStyle style) {
		next(style).setCellValue(value);
		return this;
	}

	/** A date cell, {@code yyyy-mm-dd}. */
	public SheetRow date(LocalDate value) {
		Cell cell = next(styles.date);
		if (value != null) {
			cell.setCellValue(value);
		}
		return this;
	}

	private Cell next(CellStyle style) {
		Cell cell = row.createCell(column++);
		cell.setCellStyle(style);
		return cell;
	}
}
