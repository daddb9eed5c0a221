package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportSheet.Cell;
import cn.zhaoshang.platform.ImportSheet.Kind;
import cn.zhaoshang.platform.ImportSheet.Row;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheet XML ({@code <row r><c r t s><v/>|<is><t/></is></c></row>}) as rows of typed cells, streamed: texts are
 * decoded once ({@link XlsxText#decode}) whether shared or inline; numbers keep the value Excel shows at full
 * precision (15 significant digits); a number is a date when its format is a date format. Counting as it reads, it
 * stops with {@link TooManyRows} or {@link XlsxPackage.TooManyCells} as soon as a limit is passed.
 */
final class XlsxSheetHandler extends DefaultHandler {

	/** More non-blank rows below the header than the limit. */
	static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super("sheet has too many rows");
		}
	}

	private final List<String> strings;
	private final List<Boolean> dateStyles;
	private final boolean date1904;
	private final int maxRows;
	private final long maxCells;
	final List<Row> rows = new ArrayList<>();

	private long cellCount;
	private int dataRows;
	private int rowNumber;
	private Map<Integer, Cell> cells;
	private int column;
	private String type;
	private int style;
	private final StringBuilder value = new StringBuilder();
	private boolean inValue;
	private boolean inInlineText;
	private boolean inPhonetic;

	XlsxSheetHandler(List<String> strings, List<Boolean> dateStyles, boolean date1904, int maxRows, long maxCells) {
		this.strings = strings;
		this.dateStyles = dateStyles;
		this.date1904 = date1904;
		this.maxRows = maxRows;
		this.maxCells = maxCells;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attrs) {
		switch (localName) {
			case "row" -> {
				String r = attrs.getValue("r");
				rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
				// made for the first non-blank cell: millions of blank rows cost nothing
				cells = null;
				column = -1;
			}
			case "c" -> {
				if (++cellCount > maxCells) {
					throw new XlsxPackage.TooManyCells();
				}
				String r = attrs.getValue("r");
				column = r == null ? column + 1 : new CellReference(r).getCol();
				type = attrs.getValue("t");
				String s = attrs.getValue("s");
				style = s == null ? 0 : Integer.parseInt(s);
				value.setLength(0);
			}
			case "v" -> inValue = true;
			case "t" -> inInlineText = !inPhonetic && "inlineStr".equals(type);
			case "rPh" -> inPhonetic = true;
			default -> {
			}
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (inValue || inInlineText) {
			if (value.length() + length > XlsxPackage.MAX_TEXT) {
				throw new XlsxPackage.CellTooLong();
			}
			value.append(ch, start, length);
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		switch (localName) {
			case "v" -> inValue = false;
			case "t" -> inInlineText = false;
			case "rPh" -> inPhonetic = false;
			case "c" -> {
				Cell cell = cell();
				if (cell != null) {
					if (cells == null) {
						cells = new LinkedHashMap<>();
					}
					cells.put(column, cell);
				}
			}
			case "row" -> {
				if (cells != null) {
					if (rowNumber > 1 && ++dataRows > maxRows) {
						throw new TooManyRows();
					}
					rows.add(new Row(rowNumber, cells));
				}
			}
			default -> {
			}
		}
	}

	/** The cell just read, or null when blank. */
	private Cell cell() {
		String v = value.toString();
		return switch (type == null ? "n" : type) {
			case "s" -> text(strings.get(Integer.parseInt(v.trim())));
			case "inlineStr", "str" -> text(XlsxText.decode(v));
			case "b" -> new Cell(Kind.BOOLEAN, "1".equals(v.trim()) || "true".equals(v.trim()) ? "TRUE" : "FALSE", null,
					null);
			case "e" -> new Cell(Kind.ERROR, v, null, null);
			case "d" -> v.isBlank() ? null : new Cell(Kind.DATE, v, null, LocalDate.parse(v.trim().substring(0, 10)));
			default -> number(v.trim());
		};
	}

	private static Cell text(String s) {
		return s == null || s.isBlank() ? null : new Cell(Kind.TEXT, s, null, null);
	}

	private Cell number(String v) {
		if (v.isEmpty()) {
			return null;
		}
		double d = Double.parseDouble(v);
		if (style < dateStyles.size() && dateStyles.get(style) && DateUtil.isValidExcelDate(d)) {
			LocalDate date = DateUtil.getLocalDateTime(d, date1904).toLocalDate();
			return new Cell(Kind.DATE, date.toString(), null, date);
		}
		String shown = NumberToTextConverter.toText(d);
		return new Cell(Kind.NUMBER, shown, new BigDecimal(shown), null);
	}
}
