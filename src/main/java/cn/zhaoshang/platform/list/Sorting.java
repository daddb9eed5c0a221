package cn.zhaoshang.platform.list;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

	/**
	 * A whitelist for a list whose rows are assembled and sorted in memory (a few hundred rows from several
	 * modules): only keys, no SQL; {@link #sorted} orders the rows. The headers and the request parameters are those
	 * of the SQL lists.
	 */
	public static Sorting inMemory(String defaultKey, String... keys) {
		String[] keysAndColumns = new String[keys.length * 2];
		for (int i = 0; i < keys.length; i++) {
			keysAndColumns[2 * i] = keys[i];
			keysAndColumns[2 * i + 1] = keys[i];
		}
		return of(defaultKey, keysAndColumns);
	}

	/**
	 * The rows in the sort's order, in memory, with the rules of {@link #orderBy}: the key's comparator in the
	 * sort's direction, nulls last either way (a comparator sees no null key: {@code key} maps a row to its sort
	 * value, null when it has none), then the tie-breaker in the same direction. The input is left unchanged.
	 *
	 * @param keys each whitelisted key's value of a row and how such values compare (ascending)
	 * @param tieBreaker the row's id, so that equal rows keep a stable order across pages
	 */
	public static <T> List<T> sorted(List<T> rows, Sort sort, Map<String, Key<T, ?>> keys,
			Function<T, Long> tieBreaker) {
		Key<T, ?> key = keys.get(sort.key());
		if (key == null) {
			throw new IllegalArgumentException("no comparator for sort key " + sort.key());
		}
		Comparator<T> byKey = key.comparator(sort.ascending());
		Comparator<T> byId = Comparator.comparing(tieBreaker);
		List<T> out = new ArrayList<>(rows);
		out.sort(byKey.thenComparing(sort.ascending() ? byId : byId.reversed()));
		return out;
	}

	/** A sort key of an in-memory list: the row's value (null when it has none) and the values' ascending order. */
	public record Key<T, V>(Function<T, V> value, Comparator<? super V> order) {

		/** The rows by this key in the direction, rows without a value last either way. */
		Comparator<T> comparator(boolean ascending) {
			Comparator<? super V> o = ascending ? order : order.reversed();
			return Comparator.comparing(value, Comparator.nullsLast(o));
		}
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
