package cn.zhaoshang.platform.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import cn.zhaoshang.platform.document.OfficialDocument.Block;
import cn.zhaoshang.platform.document.OfficialDocument.Heading;
import cn.zhaoshang.platform.document.OfficialDocument.Paragraph;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

/**
 * Writes the .docx with POI XWPF: A4 with the margins of GB/T 9704, body in FangSong 16 pt (三号仿宋), headings in
 * SimHei/KaiTi, the title in SimSun bold 22 pt; Word, WPS and LibreOffice map these names to the installed Chinese
 * fonts, so the server needs no font for .docx. Tables span the text width, repeat their header row on each page.
 */
final class DocxWriter {

	static final String BODY_FONT = "FangSong";
	static final String TITLE_FONT = "SimSun";
	static final String HEADING_FONT = "SimHei";
	static final String SUBHEADING_FONT = "KaiTi";
	static final String TABLE_FONT = "SimSun";
	private static final String RED = "C00000";
	/** Twentieths of a point per millimetre. */
	private static final double TWIPS_PER_MM = 56.6929;
	/** Numbers as people type them in tables: 1,234.50, -3, 12.5%. */
	static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?");

	private DocxWriter() {
	}

	static void write(OfficialDocument d, DocumentGenerator.Labels labels, OutputStream out) throws IOException {
		try (var doc = new XWPFDocument()) {
			page(doc);
			if (d.issuer() != null && !d.issuer().isBlank()) {
				XWPFParagraph p = centered(doc);
				text(p, d.issuer(), TITLE_FONT, 26, true).setColor(RED);
			}
			if (d.number() != null && !d.number().isBlank()) {
				XWPFParagraph p = centered(doc);
				text(p, d.number(), BODY_FONT, 16, false);
			}
			if ((d.issuer() != null && !d.issuer().isBlank()) || d.number() != null) {
				// the red separator line (版头分隔线) under the issuer and number
				XWPFParagraph line = doc.createParagraph();
				line.setBorderBottom(Borders.SINGLE);
				line.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
				line.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
			}
			XWPFParagraph title = centered(doc);
			title.setSpacingBefore(240);
			title.setSpacingAfter(240);
			text(title, d.title(), TITLE_FONT, 22, true);
			blocks(doc, d.body());
			XWPFParagraph sign = doc.createParagraph();
			sign.setAlignment(ParagraphAlignment.RIGHT);
			sign.setSpacingBefore(480);
			if (d.issuer() != null && !d.issuer().isBlank()) {
				text(sign, d.issuer(), BODY_FONT, 16, false).addBreak();
			}
			text(sign, labels.dateLine(), BODY_FONT, 16, false);
			for (int i = 0; i < d.appendices().size(); i++) {
				OfficialDocument.Appendix a = d.appendices().get(i);
				XWPFParagraph label = doc.createParagraph();
				label.setPageBreak(true);
				text(label, labels.appendix().apply(i + 1), HEADING_FONT, 16, false);
				XWPFParagraph heading = centered(doc);
				heading.setSpacingAfter(240);
				text(heading, a.title(), TITLE_FONT, 18, true);
				blocks(doc, a.body());
			}
			doc.write(out);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = sect.addNewPgMar();
		margins.setTop(twips(37));
		margins.setBottom(twips(35));
		margins.setLeft(twips(28));
		margins.setRight(twips(26));
	}

	private static BigInteger twips(double mm) {
		return BigInteger.valueOf(Math.round(mm * TWIPS_PER_MM));
	}

	private static void blocks(XWPFDocument doc, List<Block> blocks) {
		for (Block b : blocks) {
			if (b instanceof Heading h) {
				XWPFParagraph p = doc.createParagraph();
				p.setSpacingBefore(120);
				text(p, h.text(), h.level() == 1 ? HEADING_FONT : SUBHEADING_FONT, 16, false);
			}
			else if (b instanceof Paragraph para) {
				XWPFParagraph p = doc.createParagraph();
				p.setIndentationFirstLine(640);
				text(p, para.text(), BODY_FONT, 16, false);
			}
			else if (b instanceof Table t) {
				table(doc, t);
			}
		}
	}

	/**
	 * A table: its first row (the header, else the first data row) is written through POI's table API, the other
	 * rows straight as XML, each cell a copy of a prepared cell of the same column, weight and alignment (cell width
	 * and vertical alignment, paragraph alignment, run font, size and weight) with the text added. The file is the
	 * same as if every row went through the API, which builds wrapper objects and runs XPath selections for every
	 * cell, paragraph and run: about a millisecond a row, the packet's whole time for 2,000 projects.
	 */
	private static void table(XWPFDocument doc, Table t) {
		if (t.caption() != null && !t.caption().isBlank()) {
			XWPFParagraph caption = centered(doc);
			caption.setSpacingBefore(120);
			text(caption, t.caption(), HEADING_FONT, 14, false);
		}
		int columns = t.columns();
		XWPFTable table = doc.createTable();
		table.setWidth("100%");
		table.setTableAlignment(TableRowAlign.CENTER);
		List<List<String>> rest = new ArrayList<>(t.rows());
		boolean header = !t.header().isEmpty();
		XWPFTableRow first = table.getRow(0);
		if (header) {
			first.setRepeatHeader(true);
			fill(first, t.header(), columns, true, false);
		}
		else if (!rest.isEmpty()) {
			fill(first, rest.remove(0), columns, false, true);
		}
		else {
			fill(first, t.totals(), columns, true, true);
		}
		widths(table, t, columns);
		CellTemplates templates = new CellTemplates(table, t, columns);
		CTTbl xml = table.getCTTbl();
		for (List<String> cells : rest) {
			templates.row(xml.addNewTr(), cells, false);
		}
		if (!t.totals().isEmpty() && (header || !t.rows().isEmpty())) {
			templates.row(xml.addNewTr(), t.totals(), true);
		}
		// a paragraph after each table, so that two tables in a row do not merge into one in Word
		doc.createParagraph();
	}

	/**
	 * The prepared cells of a table, by column, weight and alignment: each made once through the API (in a row that
	 * is removed again) and copied for every cell like it.
	 */
	private static final class CellTemplates {

		private final XWPFTable table;
		private final Table t;
		private final int columns;
		private final Map<String, CTTc[]> made = new HashMap<>();

		/** Makes every template up front: a scratch row is removed by its index among the API's rows. */
		CellTemplates(XWPFTable table, Table t, int columns) {
			this.table = table;
			this.t = t;
			this.columns = columns;
			for (boolean bold : new boolean[] { false, true }) {
				for (boolean right : new boolean[] { false, true }) {
					template(bold, right);
				}
			}
		}

		void row(CTRow tr, List<String> cells, boolean bold) {
			for (int i = 0; i < columns; i++) {
				String value = i < cells.size() ? cells.get(i) : "";
				boolean right = NUMBER.matcher(value).matches();
				CTTc tc = tr.addNewTc();
				tc.set(template(bold, right)[i]);
				CTR run = tc.getPArray(0).getRArray(0);
				String[] lines = value.split("\r?\n", -1);
				for (int k = 0; k < lines.length; k++) {
					if (k > 0) {
						run.addNewBr().setType(STBrType.TEXT_WRAPPING);
					}
					CTText text = run.addNewT();
					text.setStringValue(lines[k]);
					if (!lines[k].isEmpty() && (Character.isWhitespace(lines[k].charAt(0))
							|| Character.isWhitespace(lines[k].charAt(lines[k].length() - 1)))) {
						text.setSpace(SpaceAttribute.Space.PRESERVE);
					}
				}
			}
		}

		private CTTc[] template(boolean bold, boolean right) {
			return made.computeIfAbsent(bold + "/" + right, k -> {
				XWPFTableRow scratch = table.createRow();
				List<String> empty = new ArrayList<>();
				for (int i = 0; i < columns; i++) {
					empty.add(right ? "0" : "");
				}
				fill(scratch, empty, columns, bold, true);
				CTTc[] cells = new CTTc[columns];
				long text = 11906 - twips(28).longValue() - twips(26).longValue();
				int total = total(t, columns);
				for (int i = 0; i < columns; i++) {
					int share = i < t.widths().size() ? t.widths().get(i) : 1;
					scratch.getCell(i).setWidth(String.valueOf(text * share / total));
					CTTc copy = (CTTc) scratch.getCell(i).getCTTc().copy();
					CTR run = copy.getPArray(0).getRArray(0);
					while (run.sizeOfTArray() > 0) {
						run.removeT(0);
					}
					cells[i] = copy;
				}
				table.removeRow(table.getRows().indexOf(scratch));
				return cells;
			});
		}
	}

	private static void fill(XWPFTableRow row, List<String> cells, int columns, boolean bold, boolean alignNumbers) {
		while (row.getTableCells().size() < columns) {
			row.addNewTableCell();
		}
		for (int i = 0; i < columns; i++) {
			XWPFTableCell cell = row.getCell(i);
			String value = i < cells.size() ? cells.get(i) : "";
			XWPFParagraph p = cell.getParagraphs().get(0);
			p.setAlignment(!alignNumbers ? ParagraphAlignment.CENTER
					: NUMBER.matcher(value).matches() ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
			text(p, value, TABLE_FONT, 12, bold);
			cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
		}
	}

	private static int total(Table t, int columns) {
		int total = 0;
		for (int i = 0; i < columns; i++) {
			total += i < t.widths().size() ? t.widths().get(i) : 1;
		}
		return total;
	}

	private static void widths(XWPFTable table, Table t, int columns) {
		int total = 0;
		for (int i = 0; i < columns; i++) {
			total += i < t.widths().size() ? t.widths().get(i) : 1;
		}
		// text width of A4 with the margins above, in twentieths of a point, split by the relative widths
		long text = 11906 - twips(28).longValue() - twips(26).longValue();
		for (XWPFTableRow row : table.getRows()) {
			for (int i = 0; i < columns; i++) {
				int share = i < t.widths().size() ? t.widths().get(i) : 1;
				row.getCell(i).setWidth(String.valueOf(text * share / total));
			}
		}
	}

	private static XWPFParagraph centered(XWPFDocument doc) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		return p;
	}

	/** A run in the given font (Latin and East Asian alike); line breaks in the text become breaks in the run. */
	private static XWPFRun text(XWPFParagraph p, String text, String font, int size, boolean bold) {
		XWPFRun run = p.createRun();
		run.setFontFamily(font);
		run.setFontSize(size);
		run.setBold(bold);
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				run.addBreak(BreakType.TEXT_WRAPPING);
			}
			run.setText(lines[i]);
		}
		return run;
	}
}
