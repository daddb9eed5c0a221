package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectFilter;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The ledger pages' filters. The pages bind {@link ProjectFilter} like the API and the exports do, with its own
 * validation ({@code @Valid}); {@link #forPage} turns the result into the filter a page lists by (the refused
 * parameters left out: a stale bookmark still opens the list) and the errors it shows on the filter form, the
 * same messages the API answers with. The filter is written back as a canonical query string for links (board,
 * export, saved filters, "more" on the Kanban); {@link #parse} reads a saved filter's query string back.
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
				parse(p, "type", LedgerFilters::types), parse(p, "key", LedgerFilters::bool),
				parse(p, "attendant", Long::valueOf), parse(p, "leader", Long::valueOf), word(p.get("dateOf"), DATE_OF),
				parse(p, "from", LocalDate::parse), parse(p, "to", LocalDate::parse),
				word(p.get("amountOf"), AMOUNT_OF), parse(p, "min", BigDecimal::new), parse(p, "max", BigDecimal::new),
				word(p.get("pending"), PENDING), word(p.get("sort"), SORT), word(p.get("dir"), List.of("asc", "desc")),
				"true".equals(text(p.get("includeDropped"))));
		// An amount range without its "which amount" select means the first choice, as the form and the query read
		// it; a date range without its date is left for the list page to refuse (DateRangeNamed).
		String dateOf = f.dateOf();
		String amountOf = f.amountOf() == null && (f.min() != null || f.max() != null) ? AMOUNT_OF.get(0)
				: f.amountOf();
		return new ProjectFilter(f.q(), f.unit(), f.stage(), f.status(), f.chain(), f.type(), f.key(), f.attendant(),
				f.leader(), dateOf, f.from(), f.to(), amountOf, f.min(), f.max(), f.pending(), f.sort(), f.dir(),
				f.includeDropped(), "true".equals(text(p.get("stalled"))) ? Boolean.TRUE : null,
				"true".equals(text(p.get("outsidePositioning"))) ? Boolean.TRUE : null);
	}

	/** The filter and the errors of one page request. */
	record ForPage(ProjectFilter filter, FormErrors errors) {
	}

	/**
	 * The filter a page lists by: the bound filter without the parameters its validation refused, dropped projects
	 * left out unless asked for; and the refusals as form errors.
	 */
	static ForPage forPage(ProjectFilter bound, BindingResult binding, MessageSource messages, Locale locale) {
		ProjectFilter f = bound == null ? ProjectFilter.none() : bound;
		if (binding.hasErrors()) {
			f = f.without(binding.getFieldErrors().stream().map(FieldError::getField).distinct().toList());
		}
		if (f.includeDropped() == null) {
			f = f.withIncludeDropped(false);
		}
		return new ForPage(f, binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
	}

	/** The filter as parameters, in a fixed order, without empty ones (and without the page). */
	static Map<String, String> params(ProjectFilter f) {
		Map<String, String> m = new LinkedHashMap<>();
		put(m, "q", f.q());
		put(m, "unit", f.unit());
		put(m, "stage", f.stage() == null ? null : f.stage().name());
		put(m, "status", f.status() == null ? null : f.status().name());
		put(m, "chain", f.chain());
		put(m, "type", f.type() == null || f.type().isEmpty() ? null
				: f.type().stream().distinct().map(Enum::name).collect(java.util.stream.Collectors.joining(",")));
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
		if (Boolean.TRUE.equals(f.stalled())) {
			put(m, "stalled", "true");
		}
		if (Boolean.TRUE.equals(f.outsidePositioning())) {
			put(m, "outsidePositioning", "true");
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
		return f.status() != null || (f.type() != null && !f.type().isEmpty()) || f.key() != null || f.attendant() != null
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

	/** Several types as the links write them: names separated by commas. */
	private static List<ProjectType> types(String v) {
		return java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(ProjectType::valueOf).toList();
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
