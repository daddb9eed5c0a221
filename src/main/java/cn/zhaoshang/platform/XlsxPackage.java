package cn.zhaoshang.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an .xlsx package that a sheet is read with, streamed from the zip under a budget: the sizes the
 * central directory declares are added up before anything is inflated, and the bytes actually inflated are counted
 * as they are read (a package may declare false sizes), so a zip bomb is refused with {@link TooLarge} after at most
 * the budget's worth of inflating, in small buffers. The XML is parsed with POI's hardened SAX parser (no DTDs, no
 * external entities).
 */
final class XlsxPackage implements AutoCloseable {

	/** The package inflates to more than the limit. */
	static final class TooLarge extends RuntimeException {

		TooLarge() {
			super("workbook inflates beyond the limit");
		}
	}

	/** Too many shared strings. */
	static final class TooManyCells extends RuntimeException {

		TooManyCells() {
			super("workbook has too many cells");
		}
	}

	/** A text longer than Excel itself allows in a cell. */
	static final class CellTooLong extends RuntimeException {

		CellTooLong() {
			super("cell text too long");
		}
	}

	/** Excel's own limit of characters in a cell: a longer text was not written by Excel or by this platform. */
	static final int MAX_TEXT = 32_767;

	private static final int MAX_ENTRIES = 10_000;

	private final ZipFile zip;
	private final long maxCells;
	private long budget;

	/** Opens the package; refuses it at once (TooLarge) when its parts declare more than maxBytes together. */
	XlsxPackage(byte[] bytes, long maxBytes, long maxCells) throws IOException {
		this.zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
		this.budget = maxBytes;
		this.maxCells = maxCells;
		long declared = 0;
		int count = 0;
		for (var entries = zip.getEntries(); entries.hasMoreElements();) {
			ZipArchiveEntry entry = entries.nextElement();
			declared += Math.max(0, entry.getSize());
			if (++count > MAX_ENTRIES || declared > maxBytes) {
				close();
				throw new TooLarge();
			}
		}
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	/** Parses a part with the handler; a missing part is an IOException. */
	void parse(String name, ContentHandler handler) throws IOException, SAXException {
		ZipArchiveEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new IOException("no part " + name);
		}
		try (InputStream in = new Budgeted(zip.getInputStream(entry))) {
			var parser = XMLHelper.newXMLReader();
			parser.setContentHandler(handler);
			parser.parse(new InputSource(in));
		}
		catch (ParserConfigurationException e) {
			throw new IOException(e);
		}
	}

	boolean has(String name) {
		return name != null && zip.getEntry(name) != null;
	}

	/** Where the workbook's parts are, from the package relationships; whether its dates count from 1904. */
	record Parts(String sheet, String sharedStrings, String styles, boolean date1904) {
	}

	Parts parts() throws IOException, SAXException {
		String workbook = "xl/workbook.xml";
		for (var r : relationships("_rels/.rels", "").values()) {
			if (r[0].endsWith("/officeDocument")) {
				workbook = r[1];
			}
		}
		String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
		String rels = dir + "_rels/" + workbook.substring(dir.length()) + ".rels";
		Map<String, String[]> byId = relationships(rels, dir);
		String[] first = new String[1];
		boolean[] date1904 = new boolean[1];
		parse(workbook, new DefaultHandler() {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attrs) {
				if ("sheet".equals(localName) && first[0] == null) {
					for (int i = 0; i < attrs.getLength(); i++) {
						if ("id".equals(attrs.getLocalName(i))) {
							first[0] = attrs.getValue(i);
						}
					}
				}
				else if ("workbookPr".equals(localName)) {
					String v = attrs.getValue("date1904");
					date1904[0] = "1".equals(v) || "true".equals(v);
				}
			}
		});
		String[] sheet = first[0] == null ? null : byId.get(first[0]);
		if (sheet == null) {
			throw new IOException("no sheet");
		}
		String strings = null;
		String styles = null;
		for (String[] r : byId.values()) {
			if (r[0].endsWith("/sharedStrings")) {
				strings = r[1];
			}
			else if (r[0].endsWith("/styles")) {
				styles = r[1];
			}
		}
		return new Parts(sheet[1], strings, styles, date1904[0]);
	}

	/** Relationship id → {type, part name}, targets resolved against dir. */
	private Map<String, String[]> relationships(String name, String dir) throws IOException, SAXException {
		Map<String, String[]> found = new HashMap<>();
		if (!has(name)) {
			return found;
		}
		parse(name, new DefaultHandler() {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attrs) {
				if ("Relationship".equals(localName) && attrs.getValue("Target") != null) {
					String target = attrs.getValue("Target");
					String part = target.startsWith("/") ? target.substring(1) : dir + target;
					found.put(attrs.getValue("Id"), new String[] { String.valueOf(attrs.getValue("Type")), part });
				}
			}
		});
		return found;
	}

	/** The shared strings, each decoded once (runs joined, phonetic runs left out). */
	List<String> sharedStrings(String name) throws IOException, SAXException {
		List<String> strings = new ArrayList<>();
		if (!has(name)) {
			return strings;
		}
		var text = new StringBuilder();
		parse(name, new DefaultHandler() {
			private boolean inText;
			private boolean inPhonetic;

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attrs) {
				switch (localName) {
					case "si" -> text.setLength(0);
					case "t" -> inText = !inPhonetic;
					case "rPh" -> inPhonetic = true;
					default -> {
					}
				}
			}

			@Override
			public void characters(char[] ch, int start, int length) {
				if (inText) {
					if (text.length() + length > MAX_TEXT) {
						throw new CellTooLong();
					}
					text.append(ch, start, length);
				}
			}

			@Override
			public void endElement(String uri, String localName, String qName) {
				switch (localName) {
					case "si" -> {
						if (strings.size() >= maxCells) {
							throw new TooManyCells();
						}
						strings.add(XlsxText.decode(text.toString()));
					}
					case "t" -> inText = false;
					case "rPh" -> inPhonetic = false;
					default -> {
					}
				}
			}
		});
		return strings;
	}

	/** Which cell formats (the {@code s} index of a cell) are date formats, as Excel decides. */
	List<Boolean> dateStyles(String name) throws IOException, SAXException {
		List<Boolean> dates = new ArrayList<>();
		if (!has(name)) {
			return dates;
		}
		Map<Integer, String> formats = new HashMap<>();
		List<Integer> xfs = new ArrayList<>();
		parse(name, new DefaultHandler() {
			private boolean inCellXfs;

			@Override
			public void startElement(String uri, String localName, String qName, Attributes attrs) {
				switch (localName) {
					case "numFmt" -> formats.put(Integer.parseInt(attrs.getValue("numFmtId")),
							attrs.getValue("formatCode"));
					case "cellXfs" -> inCellXfs = true;
					case "xf" -> {
						if (inCellXfs) {
							String id = attrs.getValue("numFmtId");
							xfs.add(id == null ? 0 : Integer.parseInt(id));
						}
					}
					default -> {
					}
				}
			}

			@Override
			public void endElement(String uri, String localName, String qName) {
				if ("cellXfs".equals(localName)) {
					inCellXfs = false;
				}
			}
		});
		for (int id : xfs) {
			String code = formats.getOrDefault(id, org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(id));
			dates.add(DateUtil.isADateFormat(id, code));
		}
		return dates;
	}

	/** An entry's inflated bytes, counted against the package's budget. */
	private final class Budgeted extends FilterInputStream {

		Budgeted(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				spend(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				spend(n);
			}
			return n;
		}

		private void spend(long n) {
			budget -= n;
			if (budget < 0) {
				throw new TooLarge();
			}
		}
	}
}
