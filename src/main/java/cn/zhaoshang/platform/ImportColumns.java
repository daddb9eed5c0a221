package cn.zhaoshang.platform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportRejected.CellError;

/**
 * The columns of one import in the template's order, and the matching of a sheet's row 1 to them: by header text in
 * any order, unknown headers ignored (so an export with extra columns imports again), a required column missing or a
 * column given twice refused.
 */
public final class ImportColumns {

	private final List<ImportColumn> columns;
	private final Map<String, ImportColumn> byField = new LinkedHashMap<>();
	private final Map<String, String> fieldByHeader = new HashMap<>();

	public ImportColumns(List<ImportColumn> columns) {
		this.columns = List.copyOf(columns);
		for (ImportColumn c : columns) {
			byField.put(c.field(), c);
			fieldByHeader.putIfAbsent(normal(c.header()), c.field());
			c.aliases().forEach(a -> fieldByHeader.putIfAbsent(normal(a), c.field()));
		}
	}

	public static ImportColumns of(ImportColumn... columns) {
		return new ImportColumns(List.of(columns));
	}

	public List<ImportColumn> all() {
		return columns;
	}

	/** The column's header as the template writes it: what an error names (a field of no column: its name). */
	public String label(String field) {
		ImportColumn c = byField.get(field);
		return c == null ? field : c.header();
	}

	/** Column index by field, from row 1; a missing required column or a repeated header is added to errors. */
	Map<String, Integer> match(Map<Integer, String> header, List<CellError> errors) {
		Map<String, Integer> found = new LinkedHashMap<>();
		header.forEach((index, text) -> {
			String field = fieldByHeader.get(normal(text));
			if (field != null && found.putIfAbsent(field, index) != null) {
				errors.add(new CellError(1, text, "import.error.duplicateHeader"));
			}
		});
		for (ImportColumn c : columns) {
			if (c.mandatory() && !found.containsKey(c.field())) {
				errors.add(new CellError(1, c.header(), "import.error.missingHeader"));
			}
		}
		return found;
	}

	private static String normal(String header) {
		return header.replace("*", "").strip();
	}
}
