package cn.zhaoshang.platform;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of every workbook the platform writes (the export kit), defined here once and created once per
 * workbook: a workbook holds at most 64,000 styles, so never one per cell. Write the cells through {@link SheetRow},
 * which gives every cell one of these styles explicitly — a streamed cell without a style of its own makes POI look
 * up its column's default style in the sheet's XML on every write ({@code SXSSFCell.getCellStyle} →
 * {@code XSSFSheet.getColumnStyle}), which took 38 % of the ledger export's CPU (docs/benchmarks.md).
 * <p>
 * Number formats: {@link #amount} {@code 0.00} (the ledger's 万元 figures, exact in the import's format),
 * {@link #groupedAmount} {@code #,##0.00} (the clue list), {@link #integer} {@code 0}, {@link #date}
 * {@code yyyy-mm-dd}.
 */
public final class WorkbookStyles {

	/** Plain text and general numbers: the workbook's default style (index 0), which the file writes as nothing. */
	public final CellStyle text;

	/** The header row: bold, grey fill, vertically centred. */
	public final CellStyle header;

	/** The label and count cells of a totals row (合计): bold on grey, like the header. */
	public final CellStyle total;

	/** A date cell, {@code yyyy-mm-dd}. */
	public final CellStyle date;

	/** An amount with two decimals, {@code 0.00}. */
	public final CellStyle amount;

	/** An amount with two decimals and thousands separators, {@code #,##0.00}. */
	public final CellStyle groupedAmount;

	/** A whole number, {@code 0}. */
	public final CellStyle integer;

	/** Text on several lines (line breaks kept), top-aligned. */
	public final CellStyle wrap;

	/** Text aligned to the top of its cell (beside a wrapped cell). */
	public final CellStyle top;

	private WorkbookStyles(Workbook wb) {
		text = wb.getCellStyleAt(0);
		Font bold = wb.createFont();
		bold.setBold(true);
		header = boldOnGrey(wb, bold);
		total = boldOnGrey(wb, bold);
		DataFormat formats = wb.createDataFormat();
		date = numeric(wb, formats, "yyyy-mm-dd");
		amount = numeric(wb, formats, "0.00");
		groupedAmount = numeric(wb, formats, "#,##0.00");
		integer = numeric(wb, formats, "0");
		wrap = wb.createCellStyle();
		wrap.setWrapText(true);
		wrap.setVerticalAlignment(VerticalAlignment.TOP);
		top = wb.createCellStyle();
		top.setVerticalAlignment(VerticalAlignment.TOP);
	}

	/** The styles, created in wb; create them once per workbook and pass them around. */
	public static WorkbookStyles of(Workbook wb) {
		return new WorkbookStyles(wb);
	}

	private static CellStyle boldOnGrey(Workbook wb, Font bold) {
		CellStyle style = wb.createCellStyle();
		style.setFont(bold);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		return style;
	}

	private static CellStyle numeric(Workbook wb, DataFormat formats, String format) {
		CellStyle style = wb.createCellStyle();
		style.setDataFormat(formats.getFormat(format));
		return style;
	}

	/** A column of a sheet: its header text and its width in characters. */
	public record Column(String title, int width) {
	}

	/**
	 * Row 0 of sheet: the titles in the header style, each column as wide as asked. Freezing panes and filters are
	 * left to the caller, whose sheets differ there.
	 */
	public Row headerRow(Sheet sheet, List<Column> columns) {
		var row = new SheetRow(sheet.createRow(0), this);
		for (int i = 0; i < columns.size(); i++) {
			row.styled(columns.get(i).title(), header);
			sheet.setColumnWidth(i, columns.get(i).width() * 256);
		}
		return row.row();
	}

	/** Row number r of sheet, ready to be written cell by cell. */
	public SheetRow row(Sheet sheet, int r) {
		return new SheetRow(sheet.createRow(r), this);
	}
}
