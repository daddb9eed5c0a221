package cn.zhaoshang.platform;

import java.util.List;

/**
 * One column of an import: the field it fills, its header (as the template writes it and the errors name it), other
 * headers it is recognised by, whether a sheet must have it ({@code mandatory}, set by {@link #required()}), and for the template a note, an example value and the
 * words offered as a drop-down. Headers are matched without a trailing or leading {@code *} and blanks.
 */
public record ImportColumn(String field, String header, List<String> aliases, boolean mandatory, String note,
		String example, List<String> choices) {

	public ImportColumn {
		aliases = List.copyOf(aliases);
		choices = List.copyOf(choices);
	}

	public static ImportColumn of(String field, String header) {
		return new ImportColumn(field, header, List.of(), false, null, null, List.of());
	}

	/** A column the sheet must have (marked in red in the template; its absence refuses the file). */
	public ImportColumn required() {
		return new ImportColumn(field, header, aliases, true, note, example, choices);
	}

	/** Further headers the column is recognised by (an older export's, a shorter one). */
	public ImportColumn alias(String... more) {
		var all = new java.util.ArrayList<>(aliases);
		all.addAll(List.of(more));
		return new ImportColumn(field, header, all, mandatory, note, example, choices);
	}

	/** The template's comment on the header cell: what to write. */
	public ImportColumn note(String text) {
		return new ImportColumn(field, header, aliases, mandatory, text, example, choices);
	}

	/** The template's example row. */
	public ImportColumn example(String value) {
		return new ImportColumn(field, header, aliases, mandatory, note, value, choices);
	}

	/** The words the template offers as a drop-down (when they fit Excel's 255 characters). */
	public ImportColumn choices(List<String> words) {
		return new ImportColumn(field, header, aliases, mandatory, note, example, words);
	}
}
