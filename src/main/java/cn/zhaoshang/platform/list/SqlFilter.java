package cn.zhaoshang.platform.list;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code WHERE} clause of a list query from optional filters, with named parameters; a filter whose value
 * is missing adds nothing. Columns and SQL fragments come from the calling code, never from the request; values
 * always go through parameters. Text searches escape the LIKE wildcards (percent sign, underscore) and the escape
 * character (backslash) and always name it in an ESCAPE clause, so a search for 100% finds the text 100% on H2 and
 * PostgreSQL alike. Usage: docs/architecture.md, Kits: lists.
 */
public final class SqlFilter {

	/** The escape character of every LIKE pattern this class makes. */
	public static final String ESCAPE = " ESCAPE '\\'";

	private final List<String> conditions = new java.util.ArrayList<>();
	private final Map<String, Object> params = new LinkedHashMap<>();

	private SqlFilter() {
	}

	public static SqlFilter where() {
		return new SqlFilter();
	}

	/** A condition that always applies (a fixed SQL fragment from the calling code). */
	public SqlFilter and(String condition) {
		conditions.add(condition);
		return this;
	}

	/** A condition that applies when {@code when} holds. */
	public SqlFilter andIf(boolean when, String condition) {
		return when ? and(condition) : this;
	}

	/** A condition with one parameter; nothing when the value is null (or blank text). */
	public SqlFilter and(String condition, String name, Object value) {
		if (present(value)) {
			conditions.add(condition);
			params.put(name, value instanceof String s ? s.strip() : value);
		}
		return this;
	}

	/** {@code column = :name}; nothing when the value is null (or blank text). Enums are compared by name. */
	public SqlFilter eq(String column, String name, Object value) {
		return and(column + " = :" + name, name, value instanceof Enum<?> e ? e.name() : value);
	}

	/** Inclusive bounds on a column; either may be absent. */
	public SqlFilter range(String column, String lowName, Object low, String highName, Object high) {
		and(column + " >= :" + lowName, lowName, low);
		return and(column + " <= :" + highName, highName, high);
	}

	/** {@code column IN (:name)}; an empty collection matches nothing. */
	public SqlFilter in(String column, String name, Collection<?> values) {
		if (values.isEmpty()) {
			return nothing();
		}
		conditions.add(column + " IN (:" + name + ")");
		params.put(name, List.copyOf(values));
		return this;
	}

	/** Matches no row (e.g. a reader whose scope is empty). */
	public SqlFilter nothing() {
		conditions.add("1 = 0");
		return this;
	}

	/**
	 * Any of the expressions contains the text (case as stored); nothing when the text is blank. For a
	 * case-insensitive search pass {@code LOWER(column)} expressions and use {@link #containsIgnoringCase}.
	 */
	public SqlFilter contains(String name, String text, String... expressions) {
		return containsOr(name, text, List.of(expressions), null);
	}

	/** Like {@link #contains} on {@code LOWER(expression)} with the text lower-cased. */
	public SqlFilter containsIgnoringCase(String name, String text, String... expressions) {
		if (!present(text)) {
			return this;
		}
		List<String> lowered = java.util.Arrays.stream(expressions).map(e -> "LOWER(" + e + ")").toList();
		return containsOr(name, text.toLowerCase(Locale.ROOT), lowered, null);
	}

	/**
	 * Any of the expressions contains the text, or the extra condition holds (e.g. {@code p.code = :code}, whose
	 * parameters the caller adds with {@link #param}); nothing when the text is blank.
	 */
	public SqlFilter containsOr(String name, String text, List<String> expressions, String orCondition) {
		if (!present(text)) {
			return this;
		}
		String any = expressions.stream().map(e -> like(e, name)).collect(Collectors.joining(" OR "));
		conditions.add("(" + any + (orCondition == null ? "" : " OR " + orCondition) + ")");
		params.put(name, contains(text.strip()));
		return this;
	}

	/** Parameters used by a condition added by hand (e.g. those of another filter nested in it). */
	public SqlFilter params(Map<String, Object> more) {
		params.putAll(more);
		return this;
	}

	/** A parameter used by a condition added by hand. */
	public SqlFilter param(String name, Object value) {
		params.put(name, value);
		return this;
	}

	/** The WHERE clause with its leading space (conditions joined by AND), or an empty text without conditions. */
	public String sql() {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/** The conditions, each after AND, to follow a WHERE clause of the caller's own; empty without conditions. */
	public String andSql() {
		return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
	}

	public Map<String, Object> params() {
		return params;
	}

	/** The expression LIKE the named parameter, with the ESCAPE clause. */
	public static String like(String expression, String name) {
		return expression + " LIKE :" + name + ESCAPE;
	}

	/** The LIKE pattern for contains the text: wildcards and backslashes in the text match only themselves. */
	public static String contains(String text) {
		return "%" + escape(text) + "%";
	}

	/** The text with the LIKE wildcards and the escape character escaped (use with {@link #ESCAPE}). */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean present(Object value) {
		return value != null && !(value instanceof String s && s.isBlank());
	}
}
