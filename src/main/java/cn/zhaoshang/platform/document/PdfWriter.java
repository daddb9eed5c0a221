package cn.zhaoshang.platform.document;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;

import cn.zhaoshang.platform.document.OfficialDocument.Block;
import cn.zhaoshang.platform.document.OfficialDocument.Heading;
import cn.zhaoshang.platform.document.OfficialDocument.Paragraph;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

/**
 * Writes the .pdf with OpenPDF in the same layout as {@link DocxWriter}: A4 with the margins of GB/T 9704, one CJK
 * TrueType font embedded as a subset (Identity-H, so every character is available and the text can be copied and
 * searched); bold is simulated by the font's stroke, as the CJK font has no bold face.
 */
final class PdfWriter {

	private static final float POINTS_PER_MM = 72f / 25.4f;
	private static final Color RED = new Color(0xC0, 0, 0);

	private PdfWriter() {
	}

	static void write(OfficialDocument d, DocumentGenerator.Labels labels, BaseFont base, OutputStream out) {
		var fonts = new Fonts(base);
		var doc = new Document(PageSize.A4, mm(28), mm(26), mm(37), mm(35));
		com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
		writer.setCloseStream(false);
		doc.addTitle(d.title());
		if (d.issuer() != null) {
			doc.addAuthor(d.issuer());
		}
		doc.open();
		boolean head = false;
		if (d.issuer() != null && !d.issuer().isBlank()) {
			doc.add(centered(d.issuer(), fonts.issuer, 0, 6));
			head = true;
		}
		if (d.number() != null && !d.number().isBlank()) {
			doc.add(centered(d.number(), fonts.body, 0, 4));
			head = true;
		}
		if (head) {
			var line = new LineSeparator(1.5f, 100, RED, Element.ALIGN_CENTER, 0);
			doc.add(new Chunk(line));
		}
		doc.add(centered(d.title(), fonts.title, 18, 18));
		blocks(doc, d.body(), fonts);
		var sign = new com.lowagie.text.Paragraph();
		sign.setAlignment(Element.ALIGN_RIGHT);
		sign.setSpacingBefore(28);
		if (d.issuer() != null && !d.issuer().isBlank()) {
			sign.add(new Phrase(d.issuer() + "\n", fonts.body));
		}
		sign.add(new Phrase(labels.dateLine(), fonts.body));
		doc.add(sign);
		for (int i = 0; i < d.appendices().size(); i++) {
			OfficialDocument.Appendix a = d.appendices().get(i);
			doc.newPage();
			doc.add(new com.lowagie.text.Paragraph(labels.appendix().apply(i + 1), fonts.heading));
			doc.add(centered(a.title(), fonts.appendixTitle, 6, 12));
			blocks(doc, a.body(), fonts);
		}
		doc.close();
	}

	private static void blocks(Document doc, List<Block> blocks, Fonts fonts) {
		for (Block b : blocks) {
			if (b instanceof Heading h) {
				var p = new com.lowagie.text.Paragraph(h.text(), h.level() == 1 ? fonts.heading : fonts.subheading);
				p.setSpacingBefore(6);
				p.setSpacingAfter(3);
				doc.add(p);
			}
			else if (b instanceof Paragraph para) {
				var p = new com.lowagie.text.Paragraph(para.text(), fonts.body);
				p.setFirstLineIndent(2 * fonts.body.getSize());
				p.setLeading(fonts.body.getSize() * 1.6f);
				p.setAlignment(Element.ALIGN_JUSTIFIED);
				doc.add(p);
			}
			else if (b instanceof Table t) {
				table(doc, t, fonts);
			}
		}
	}

	private static void table(Document doc, Table t, Fonts fonts) {
		if (t.caption() != null && !t.caption().isBlank()) {
			doc.add(centered(t.caption(), fonts.caption, 6, 4));
		}
		int columns = t.columns();
		var table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(8);
		float[] widths = new float[columns];
		for (int i = 0; i < columns; i++) {
			widths[i] = i < t.widths().size() ? t.widths().get(i) : 1;
		}
		table.setWidths(widths);
		if (!t.header().isEmpty()) {
			row(table, t.header(), columns, fonts.tableBold, false);
			table.setHeaderRows(1);
		}
		for (List<String> cells : t.rows()) {
			row(table, cells, columns, fonts.table, true);
		}
		if (!t.totals().isEmpty()) {
			row(table, t.totals(), columns, fonts.tableBold, true);
		}
		doc.add(table);
	}

	private static void row(PdfPTable table, List<String> cells, int columns, Font font, boolean alignNumbers) {
		for (int i = 0; i < columns; i++) {
			String value = i < cells.size() ? cells.get(i) : "";
			var cell = new PdfPCell(new Phrase(value, font));
			cell.setPadding(4);
			cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
			cell.setHorizontalAlignment(!alignNumbers ? Element.ALIGN_CENTER
					: DocxWriter.NUMBER.matcher(value).matches() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
			table.addCell(cell);
		}
	}

	private static com.lowagie.text.Paragraph centered(String text, Font font, float before, float after) {
		var p = new com.lowagie.text.Paragraph(text, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingBefore(before);
		p.setSpacingAfter(after);
		return p;
	}

	private static float mm(double mm) {
		return (float) (mm * POINTS_PER_MM);
	}

	/** The sizes of DocxWriter (三号 body, 二号 title), all in the one CJK font. */
	private static final class Fonts {

		final Font issuer;
		final Font title;
		final Font appendixTitle;
		final Font heading;
		final Font subheading;
		final Font body;
		final Font caption;
		final Font table;
		final Font tableBold;

		Fonts(BaseFont base) {
			issuer = new Font(base, 26, Font.BOLD, RED);
			title = new Font(base, 22, Font.BOLD);
			appendixTitle = new Font(base, 18, Font.BOLD);
			heading = new Font(base, 16, Font.BOLD);
			subheading = new Font(base, 16, Font.NORMAL);
			body = new Font(base, 16, Font.NORMAL);
			caption = new Font(base, 14, Font.BOLD);
			table = new Font(base, 12, Font.NORMAL);
			tableBold = new Font(base, 12, Font.BOLD);
		}
	}
}
