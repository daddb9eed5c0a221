package cn.zhaoshang.platform;

import java.util.List;

/**
 * One column of an import: the field it fills, its header (as the template writes it and the errors name it), other
 * headers it is recognised by, whether a sheet must have it ({@code mandatory}, set by {@link #required()}), and for
 * the template a note (the header's comment and the rule on the help sheet), an example value, the words offered as a
 * drop-down, the number format of its cells and its width. Headers are matched without a trailing or leading
 * {@code *} and blanks.
 */
public record ImportColumn(String field, String header, List<String> aliases, boolean mandatory, String note,
		String example, List<String> choices, Format format, int width) {

	/** The number format the template gives the column's empty cells (what Excel shows once a value is typed). */
	public enum Format {
		/** Excel's general format (text, whole numbers). */
		GENERAL,
		/** An amount with two decimals, {@code 0.00}. */
		AMOUNT,
		/** A date, {@code yyyy-mm-dd}. */
		DATE
	}

	public ImportColumn {
		aliases = List.copyOf(aliases);
		choices = List.copyOf(choices);
		format = format == null ? Format.GENERAL : format;
	}

	public static ImportColumn of(String field, String header) {
		return new ImportColumn(field, header, List.of(), false, null, null, List.of(), Format.GENERAL, 0);
	}

	/** A column the sheet must have (marked in red in the template; its absence refuses the file). */
	public ImportColumn required() {
		return new ImportColumn(field, header, aliases, true, note, example, choices, format, width);
	}

	/** Further headers the column is recognised by (an older export's, a shorter one). */
	public ImportColumn alias(String... more) {
		var all = new java.util.ArrayList<>(aliases);
		all.addAll(List.of(more));
		return new ImportColumn(field, header, all, mandatory, note, example, choices, format, width);
	}

	/** What to write: the template's comment on the header cell, and the rule on its help sheet. */
	public ImportColumn note(String text) {
		return new ImportColumn(field, header, aliases, mandatory, text, example, choices, format, width);
	}

	/** The template's example row (and the example on its help sheet). */
	public ImportColumn example(String value) {
		return new ImportColumn(field, header, aliases, mandatory, note, value, choices, format, width);
	}

	/** The words the template offers as a drop-down (when they fit Excel's 255 characters). */
	public ImportColumn choices(List<String> words) {
		return new ImportColumn(field, header, aliases, mandatory, note, example, words, format, width);
	}

	/** The number format of the column's cells in the template. */
	public ImportColumn format(Format cells) {
		return new ImportColumn(field, header, aliases, mandatory, note, example, choices, cells, width);
	}

	/** The column's width in the template, in characters (a CJK character counts about two); 0: by its header. */
	public ImportColumn width(int characters) {
		return new ImportColumn(field, header, aliases, mandatory, note, example, choices, format, characters);
	}
}
