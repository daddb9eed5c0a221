package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectFilter;

/**
 * The list's filters as query parameters (dropped projects are left out unless {@code includeDropped=true}): parsed
 * leniently (a value that does not parse, or is not one of the
 * allowed words, is ignored rather than refused: a stale bookmark still opens the list) and written back as a
 * canonical query string for links (board, export, saved filters, "more" on the Kanban).
 */
final class LedgerFilters {

	static final List<String> DATE_OF = List.of("created", "signed", "commenced", "production");
	static final List<String> AMOUNT_OF = List.of("planned", "contracted", "paidIn");
	static final List<String> PENDING = List.of("evidence", "review");
	static final List<String> SORT = List.of("code", "name", "unit", "stage", "planned", "contracted", "paidIn",
			"progress", "updated");

	private LedgerFilters() {
	}

	static ProjectFilter parse(Map<String, String> p) {
		ProjectFilter f = new ProjectFilter(text(p.get("q")), parse(p, "unit", Long::valueOf), parse(p, "stage", Stage::valueOf),
				parse(p, "status", ProjectStatus::valueOf), parse(p, "chain", Long::valueOf),
				parse(p, "type", ProjectType::valueOf), parse(p, "key", LedgerFilters::bool),
				parse(p, "attendant", Long::valueOf), parse(p, "leader", Long::valueOf), word(p.get("dateOf"), DATE_OF),
				parse(p, "from", LocalDate::parse), parse(p, "to", LocalDate::parse),
				word(p.get("amountOf"), AMOUNT_OF), parse(p, "min", BigDecimal::new), parse(p, "max", BigDecimal::new),
				word(p.get("pending"), PENDING), word(p.get("sort"), SORT), word(p.get("dir"), List.of("asc", "desc")),
				"true".equals(text(p.get("includeDropped"))));
		// A range without its "which date/amount" select means the first choice, as the form shows it.
		String dateOf = f.dateOf() == null && (f.from() != null || f.to() != null) ? DATE_OF.get(0) : f.dateOf();
		String amountOf = f.amountOf() == null && (f.min() != null || f.max() != null) ? AMOUNT_OF.get(0)
				: f.amountOf();
		return new ProjectFilter(f.q(), f.unit(), f.stage(), f.status(), f.chain(), f.type(), f.key(), f.attendant(),
				f.leader(), dateOf, f.from(), f.to(), amountOf, f.min(), f.max(), f.pending(), f.sort(), f.dir(),
				f.includeDropped());
	}

	/** The filter as parameters, in a fixed order, without empty ones (and without the page). */
	static Map<String, String> params(ProjectFilter f) {
		Map<String, String> m = new LinkedHashMap<>();
		put(m, "q", f.q());
		put(m, "unit", f.unit());
		put(m, "stage", f.stage() == null ? null : f.stage().name());
		put(m, "status", f.status() == null ? null : f.status().name());
		put(m, "chain", f.chain());
		put(m, "type", f.type() == null ? null : f.type().name());
		put(m, "key", f.key());
		put(m, "attendant", f.attendant());
		put(m, "leader", f.leader());
		if (f.from() != null || f.to() != null) {
			put(m, "dateOf", f.dateOf());
			put(m, "from", f.from());
			put(m, "to", f.to());
		}
		if (f.min() != null || f.max() != null) {
			put(m, "amountOf", f.amountOf());
			put(m, "min", f.min() == null ? null : f.min().toPlainString());
			put(m, "max", f.max() == null ? null : f.max().toPlainString());
		}
		put(m, "pending", f.pending());
		if (Boolean.TRUE.equals(f.includeDropped())) {
			put(m, "includeDropped", "true");
		}
		put(m, "sort", f.sort());
		put(m, "dir", f.dir());
		return m;
	}

	static String query(ProjectFilter f) {
		return query(params(f));
	}

	/** The filter narrowed to one group of the grouped view (its unit, chain or stage), as a list query. */
	static String queryWith(ProjectFilter f, String name, String value) {
		Map<String, String> m = params(f);
		m.put(name, value);
		return query(m);
	}

	private static String query(Map<String, String> params) {
		var sb = new StringBuilder();
		params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return sb.toString();
	}

	/** Whether a filter beyond the first row (search, unit, stage, chain) is set: the advanced row then shows. */
	static boolean advanced(ProjectFilter f) {
		return f.status() != null || f.type() != null || f.key() != null || f.attendant() != null
				|| f.leader() != null || f.from() != null || f.to() != null || f.min() != null || f.max() != null
				|| f.pending() != null || Boolean.TRUE.equals(f.includeDropped());
	}

	private static void put(Map<String, String> m, String key, Object value) {
		if (value != null && !value.toString().isBlank()) {
			m.put(key, value.toString());
		}
	}

	private static <T> T parse(Map<String, String> p, String key, Function<String, T> parser) {
		String v = text(p.get(key));
		if (v == null) {
			return null;
		}
		try {
			return parser.apply(v);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static Boolean bool(String v) {
		return switch (v) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException(v);
		};
	}

	private static String word(String v, List<String> allowed) {
		return v != null && allowed.contains(v.trim()) ? v.trim() : null;
	}

	private static String text(String v) {
		return v == null || v.isBlank() ? null : v.trim();
	}
}
