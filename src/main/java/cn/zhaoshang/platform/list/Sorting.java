package cn.zhaoshang.platform.list;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.FieldException;

/**
 * A list's sort whitelist: the keys a request may name, the SQL each stands for, the default key, and which keys
 * sort ascending when first chosen (names and codes; amounts and dates start with the largest, newest). Only
 * whitelisted SQL reaches the query; the id breaks ties so that pages never overlap; nulls come last either way.
 */
public final class Sorting {

	private final Map<String, String> columns;
	private final String defaultKey;
	private final Set<String> ascendingFirst;

	private Sorting(Map<String, String> columns, String defaultKey, Set<String> ascendingFirst) {
		this.columns = columns;
		this.defaultKey = defaultKey;
		this.ascendingFirst = ascendingFirst;
	}

	/** Keys in order, each followed by its SQL expression (key, column, key, column, and so on). */
	public static Sorting of(String defaultKey, String... keysAndColumns) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < keysAndColumns.length; i += 2) {
			columns.put(keysAndColumns[i], keysAndColumns[i + 1]);
		}
		if (!columns.containsKey(defaultKey)) {
			throw new IllegalArgumentException("default sort key not in the whitelist: " + defaultKey);
		}
		return new Sorting(Map.copyOf(columns), defaultKey, Set.of());
	}

	/** The keys that sort ascending when chosen without a direction. */
	public Sorting ascendingFirst(String... keys) {
		return new Sorting(columns, defaultKey, Set.of(keys));
	}

	public Set<String> keys() {
		return columns.keySet();
	}

	/** Whether the key is whitelisted. */
	public boolean allows(String key) {
		return key != null && columns.containsKey(key);
	}

	/** The sort a request asks for, leniently: an unknown key means the default, an unknown direction the key's own. */
	public Sort resolve(String key, String dir) {
		String k = allows(key) ? key : defaultKey;
		boolean asc = "asc".equals(dir) || (!"desc".equals(dir) && ascendingFirst.contains(k));
		return new Sort(k, asc, this);
	}

	/** The sort a request asks for, strictly (the API): an unknown key is a 400 naming {@code sort}. */
	public Sort require(String key, String dir) {
		if (key != null && !key.isBlank() && !allows(key)) {
			throw new FieldException("sort", 400, "validation.invalidValue");
		}
		if (dir != null && !dir.isBlank() && !"asc".equals(dir) && !"desc".equals(dir)) {
			throw new FieldException("dir", 400, "validation.invalidValue");
		}
		return resolve(key, dir);
	}

	/** The ORDER BY clause: the column in the direction with nulls last, then the id in the same direction. */
	public String orderBy(Sort sort, String idColumn) {
		String direction = sort.ascending() ? " ASC" : " DESC";
		return " ORDER BY " + columns.get(sort.key()) + direction + " NULLS LAST, " + idColumn + direction;
	}

	/**
	 * A resolved sort, with what the column headers need ({@code layout/sort.jte}): whether a key is the current one
	 * and which direction a click on it asks for.
	 */
	public record Sort(String key, boolean ascending, Sorting sorting) {

		/** A sort of a list sorted in memory that only ever sorts ascending (its headers toggle no direction). */
		public static Sort ascendingOnly(String key) {
			return new Sort(key, true, null);
		}

		public boolean active(String k) {
			return k != null && k.equals(key);
		}

		/** Whether a click on the header toggles the direction (false for lists that sort one way only). */
		public boolean toggles() {
			return sorting != null;
		}

		/** The direction a click on the key's header asks for: the other one if current, else the key's own. */
		public String next(String k) {
			if (active(k)) {
				return ascending ? "desc" : "asc";
			}
			return sorting == null || sorting.ascendingFirst.contains(k) ? "asc" : "desc";
		}
	}
}
