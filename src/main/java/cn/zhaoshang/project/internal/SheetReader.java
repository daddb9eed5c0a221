package cn.zhaoshang.project.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first worksheet of an .xlsx file as typed cells, streaming its XML (SAX) instead of building POI's
 * object model: a 10,000-row ledger reads in a fraction of the time and memory, and a large upload cannot blow up
 * the heap. Numbers keep the value Excel shows at full precision (15 significant digits), so "1.234" stays three
 * decimals and is refused rather than silently rounded; a number is a date when its cell's format is a date
 * format, as Excel itself decides.
 */
final class SheetReader {

	/** What a cell holds. */
	enum Kind {
		TEXT, NUMBER, DATE, BOOLEAN, ERROR
	}

	/**
	 * One non-blank cell.
	 *
	 * @param text the text (TEXT), the number as Excel shows it (NUMBER), TRUE/FALSE, or the error code
	 */
	record Cell(Kind kind, String text, BigDecimal number, LocalDate date) {
	}

	/** A row with at least one non-blank cell: its number as Excel shows it, and its cells by column (0 = A). */
	record Row(int number, Map<Integer, Cell> cells) {
	}

	/** The file is not a readable .xlsx workbook (damaged, encrypted, or another format with the right bytes). */
	static final class Unreadable extends Exception {

		Unreadable(Throwable cause) {
			super(cause);
		}
	}

	private SheetReader() {
	}

	/** Every non-blank row of the workbook's first sheet, in order. */
	static List<Row> firstSheet(File xlsx) throws Unreadable {
		try (OPCPackage pkg = OPCPackage.open(xlsx, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
			boolean date1904 = date1904(reader);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return List.of();
			}
			var handler = new Handler(styles, strings, date1904);
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(handler);
				parser.parse(new InputSource(sheet));
			}
			return handler.rows;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
			throw new Unreadable(e);
		}
	}

	/** Workbooks made on old Macs count days from 1904; the flag sits on workbook.xml's workbookPr. */
	private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
			ParserConfigurationException {
		var found = new boolean[1];
		try (InputStream workbook = reader.getWorkbookData()) {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attrs) {
					if ("workbookPr".equals(localName)) {
						String v = attrs.getValue("date1904");
						found[0] = "1".equals(v) || "true".equals(v);
					}
				}
			});
			parser.parse(new InputSource(workbook));
		}
		return found[0];
	}

	/** The sheet XML: {@code <row r><c r t s><v/>|<is><t/></is></c></row>}. */
	private static final class Handler extends DefaultHandler {

		private final StylesTable styles;
		private final SharedStrings strings;
		private final boolean date1904;
		private final Map<Integer, Boolean> dateStyles = new HashMap<>();
		final List<Row> rows = new ArrayList<>();

		private int rowNumber;
		private Map<Integer, Cell> cells;
		private int column;
		private String type;
		private int style;
		private final StringBuilder value = new StringBuilder();
		private boolean inValue;
		private boolean inInlineText;
		private boolean inPhonetic;

		Handler(StylesTable styles, SharedStrings strings, boolean date1904) {
			this.styles = styles;
			this.strings = strings;
			this.date1904 = date1904;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attrs) {
			switch (localName) {
				case "row" -> {
					String r = attrs.getValue("r");
					rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
					cells = new LinkedHashMap<>();
					column = -1;
				}
				case "c" -> {
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
						cells.put(column, cell);
					}
				}
				case "row" -> {
					if (!cells.isEmpty()) {
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
			String t = type == null ? "n" : type;
			Cell cell = switch (t) {
				case "s" -> text(strings.getItemAt(Integer.parseInt(v.trim())).getString());
				case "inlineStr", "str" -> text(v);
				case "b" -> new Cell(Kind.BOOLEAN, "1".equals(v.trim()) || "true".equals(v.trim()) ? "TRUE" : "FALSE",
						null, null);
				case "e" -> new Cell(Kind.ERROR, v, null, null);
				case "d" -> v.isBlank() ? null
						: new Cell(Kind.DATE, v, null, LocalDate.parse(v.trim().substring(0, 10)));
				default -> number(v.trim());
			};
			return cell;
		}

		private static Cell text(String s) {
			return s == null || s.isBlank() ? null : new Cell(Kind.TEXT, s, null, null);
		}

		private Cell number(String v) {
			if (v.isEmpty()) {
				return null;
			}
			double d = Double.parseDouble(v);
			if (isDateStyle(style) && DateUtil.isValidExcelDate(d)) {
				LocalDate date = DateUtil.getLocalDateTime(d, date1904).toLocalDate();
				return new Cell(Kind.DATE, date.toString(), null, date);
			}
			String shown = NumberToTextConverter.toText(d);
			return new Cell(Kind.NUMBER, shown, new BigDecimal(shown), null);
		}

		private boolean isDateStyle(int index) {
			if (styles == null || index >= styles.getNumCellStyles()) {
				return false;
			}
			return dateStyles.computeIfAbsent(index, i -> {
				var cellStyle = styles.getStyleAt(i);
				return cellStyle != null
						&& DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
			});
		}
	}
}
