package cn.zhaoshang.platform.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An official document (公文) as the modules describe it; {@link DocumentGenerator} writes it as .docx or .pdf. The
 * layout follows the usual order of GB/T 9704: issuing unit, document number (文号), title, body, issuing unit and
 * date at the end, then the appendices (附件), each on its own page. All text comes from the caller, already in the
 * reader's language; only the date line and the word "appendix" are the generator's (platform bundle).
 *
 * @param issuer the issuing unit (发文机关), printed at the top and above the date
 * @param number the document number (文号), e.g. {@code 濮商〔2026〕5号}; {@code null} for none
 * @param title the title (标题)
 * @param date the date the document carries (成文日期)
 * @param locale the language of the date line and of the appendix labels
 * @param body headings, paragraphs and tables, in order
 * @param appendices the appendices, numbered from 1 in this order
 */
public record OfficialDocument(String issuer, String number, String title, LocalDate date, Locale locale,
		List<Block> body, List<Appendix> appendices) {

	public OfficialDocument {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(locale, "locale");
		body = List.copyOf(body);
		appendices = List.copyOf(appendices);
	}

	/** A count as documents show figures: thousands separators, {@code 2,000}. */
	public static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** An amount as documents show figures: thousands separators and two decimals, {@code 1,234.50}. */
	public static String amount(java.math.BigDecimal value) {
		return String.format(Locale.ROOT, "%,.2f", value == null ? java.math.BigDecimal.ZERO : value);
	}

	/** A piece of the body: a heading, a paragraph or a table. */
	public sealed interface Block permits Heading, Paragraph, Table {
	}

	/**
	 * A heading; level 1 is "一、…" style (黑体), level 2 "（一）…" style (楷体). The numbering is part of the text.
	 */
	public record Heading(int level, String text) implements Block {

		public Heading {
			if (level < 1 || level > 2) {
				throw new IllegalArgumentException("heading level must be 1 or 2: " + level);
			}
			Objects.requireNonNull(text, "text");
		}
	}

	/** A body paragraph (first line indented by two characters). Line breaks inside are kept. */
	public record Paragraph(String text) implements Block {

		public Paragraph {
			Objects.requireNonNull(text, "text");
		}
	}

	/**
	 * A table: an optional caption above it, a header row (empty for a label/value card), the rows and an optional
	 * totals row (empty for none). Every row has as many cells as the widest row; cells that read as numbers
	 * (e.g. {@code 1,234.50}) are right-aligned. {@code widths} are relative column widths (empty: equal).
	 */
	public record Table(String caption, List<String> header, List<List<String>> rows, List<String> totals,
			List<Integer> widths) implements Block {

		public Table {
			header = List.copyOf(header);
			rows = rows.stream().map(Table::cells).toList();
			totals = cells(totals);
			widths = List.copyOf(widths);
		}

		/** A table with a header and rows, no caption, no totals, equal widths. */
		public static Table of(List<String> header, List<List<String>> rows) {
			return new Table(null, header, rows, List.of(), List.of());
		}

		public Table withCaption(String text) {
			return new Table(text, header, rows, totals, widths);
		}

		public Table withTotals(List<String> cells) {
			return new Table(caption, header, rows, cells, widths);
		}

		public Table withWidths(Integer... relative) {
			return new Table(caption, header, rows, totals, List.of(relative));
		}

		/** The number of columns: the widest of header, rows and totals. */
		public int columns() {
			int n = Math.max(header.size(), totals.size());
			for (List<String> row : rows) {
				n = Math.max(n, row.size());
			}
			return Math.max(n, 1);
		}

		private static List<String> cells(List<String> cells) {
			// null cells print as empty; List.copyOf would refuse them
			return cells.stream().map(c -> c == null ? "" : c).toList();
		}
	}

	/** An appendix (附件): its title and content; the generator numbers it ("附件1"). */
	public record Appendix(String title, List<Block> body) {

		public Appendix {
			Objects.requireNonNull(title, "title");
			body = List.copyOf(body);
		}
	}

	/** Starts a document with the required parts; add the body and appendices in reading order. */
	public static Builder builder(String title, LocalDate date, Locale locale) {
		return new Builder(title, date, locale);
	}

	/** Collects a document's parts in reading order. */
	public static final class Builder {

		private final String title;
		private final LocalDate date;
		private final Locale locale;
		private String issuer;
		private String number;
		private final List<Block> body = new ArrayList<>();
		private final List<String> appendixTitles = new ArrayList<>();
		private final List<List<Block>> appendixBodies = new ArrayList<>();
		private List<Block> current = body;

		private Builder(String title, LocalDate date, Locale locale) {
			this.title = title;
			this.date = date;
			this.locale = locale;
		}

		public Builder issuer(String value) {
			this.issuer = value;
			return this;
		}

		public Builder number(String value) {
			this.number = value;
			return this;
		}

		public Builder heading(String text) {
			current.add(new Heading(1, text));
			return this;
		}

		public Builder subheading(String text) {
			current.add(new Heading(2, text));
			return this;
		}

		public Builder paragraph(String text) {
			current.add(new Paragraph(text));
			return this;
		}

		public Builder table(Table table) {
			current.add(table);
			return this;
		}

		/** Starts an appendix: the headings, paragraphs and tables added after this go into it. */
		public Builder appendix(String appendixTitle) {
			current = new ArrayList<>();
			appendixTitles.add(appendixTitle);
			appendixBodies.add(current);
			return this;
		}

		public OfficialDocument build() {
			List<Appendix> appendices = new ArrayList<>();
			for (int i = 0; i < appendixTitles.size(); i++) {
				appendices.add(new Appendix(appendixTitles.get(i), appendixBodies.get(i)));
			}
			return new OfficialDocument(issuer, number, title, date, locale, body, appendices);
		}
	}
}
