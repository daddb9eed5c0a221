package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.InputText;
import cn.zhaoshang.platform.UnitSummary;

/**
 * How the land and factory imports read their cells: a unit by full or short name (one the user may keep), texts
 * within their length, numbers within their digits, 是/否, dates, words of a list. Each refusal names the cell
 * through {@link ImportRow#refuse}; the methods answer null (or the fallback) for a refused or blank cell.
 */
final class SiteCells {

	private static final Set<String> YES = Set.of("Y", "YES", "TRUE", "1");

	private static final Set<String> NO = Set.of("N", "NO", "FALSE", "0");

	private final Map<String, Long> units = new HashMap<>();
	private final Sites sites;
	private final CurrentUser user;
	private final Clock clock;
	private final Set<String> yes;
	private final Set<String> no;
	private final String separator;

	/** {@code chinese} resolves a message key in Chinese: the words 是/否 and the list separator of the sheets. */
	SiteCells(List<UnitSummary> all, Sites sites, CurrentUser user, Clock clock,
			java.util.function.Function<String, String> chinese) {
		this.yes = words(chinese.apply("site.import.yesWords"), YES);
		this.no = words(chinese.apply("site.import.noWords"), NO);
		this.separator = chinese.apply("site.separator");
		UnitSummary.byName(all).forEach((name, id) -> units.put(name, id.value()));
		this.sites = sites;
		this.user = user;
		this.clock = clock;
	}

	/** The unit named in the cell, if the user may keep its land and factories. */
	Long unit(ImportRow row, String field) {
		String name = row.text(field);
		if (name == null) {
			row.refuse(field, "validation.required");
			return null;
		}
		Long id = units.get(name);
		if (id == null) {
			row.refuse(field, "site.import.error.unit", name);
			return null;
		}
		if (!sites.canEdit(user, id)) {
			row.refuse(field, "site.import.error.unitScope", name);
			return null;
		}
		return id;
	}

	/** Whether the cell is blank, refused as required when it must not be. */
	private static boolean blank(ImportRow row, String field, boolean required) {
		if (row.text(field) != null) {
			return false;
		}
		if (required) {
			row.refuse(field, "validation.required");
		}
		return true;
	}

	/** The text, stripped; refused when longer than {@code max}; the fallback when blank and not required. */
	String text(ImportRow row, String field, int max, boolean required, String fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		String text = row.text(field);
		if (blank(row, field, required)) {
			return null;
		}
		String problem = InputText.problem(text);
		if (problem != null) {
			row.refuse(field, problem);
			return null;
		}
		if (text.length() > max) {
			row.refuse(field, "site.import.error.length", max);
			return null;
		}
		return text;
	}

	/**
	 * A number with at most {@code integers} integer and two decimal digits, above zero ({@code positive}) or at
	 * least zero; the fallback when the sheet has no such column.
	 */
	BigDecimal number(ImportRow row, String field, int integers, boolean required, boolean positive,
			BigDecimal fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		if (blank(row, field, required)) {
			return null;
		}
		BigDecimal value = row.decimal(field);
		if (value == null) {
			row.refuse(field, Amount.NOT_A_NUMBER);
			return null;
		}
		if (positive ? value.signum() <= 0 : value.signum() < 0) {
			row.refuse(field, positive ? "site.import.error.positive" : Amount.NEGATIVE);
			return null;
		}
		if (value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > integers) {
			row.refuse(field, "site.import.error.digits", integers);
			return null;
		}
		return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/** 是/否 (also yes/no, 1/0, TRUE/FALSE); the fallback when blank or absent. */
	Boolean yesNo(ImportRow row, String field, Boolean fallback) {
		ImportSheet.Cell cell = row.cell(field);
		if (!row.has(field) || cell == null || cell.text().isBlank()) {
			return fallback;
		}
		String text = cell.text().strip().toUpperCase(java.util.Locale.ROOT);
		if (yes.contains(text)) {
			return true;
		}
		if (no.contains(text)) {
			return false;
		}
		row.refuse(field, "site.import.error.yesNo");
		return fallback;
	}

	/** A date cell, or a text yyyy-MM-dd within the accepted window; the fallback when the column is absent. */
	LocalDate date(ImportRow row, String field, LocalDate fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		ImportSheet.Cell cell = row.cell(field);
		if (cell == null || cell.text().isBlank()) {
			return null;
		}
		LocalDate date = cell.date() != null && InputText.inWindow(cell.date(), clock) ? cell.date()
				: InputText.parseDate(cell.text().strip(), clock);
		if (date == null) {
			row.refuse(field, InputText.DATE, InputText.EARLIEST_DATE, InputText.latestDate(clock));
		}
		return date;
	}

	/** One of the words (by its Chinese label or its code); the fallback when absent, refused when unknown. */
	<E> E choice(ImportRow row, String field, Map<String, E> words, boolean required, E fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		String text = row.text(field);
		if (blank(row, field, required)) {
			return null;
		}
		E value = words.get(text);
		if (value == null) {
			row.refuse(field, "site.import.error.choice", String.join(separator, words.keySet().stream()
				.filter(w -> !w.matches("[A-Z_]+"))
				.toList()));
		}
		return value;
	}

	/** The words of a bundle value separated by blanks, with the ASCII ones. */
	private static Set<String> words(String text, Set<String> ascii) {
		var all = new java.util.HashSet<>(ascii);
		all.addAll(List.of(text.split("\\s+")));
		return Set.copyOf(all);
	}

	/** Several names of one cell separated by 、 or commas, each one of the known names. */
	List<Long> names(ImportRow row, String field, Map<String, Long> known, List<Long> fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		List<Long> ids = new ArrayList<>();
		for (String name : row.list(field)) {
			Long id = known.get(name);
			if (id == null) {
				row.refuse(field, "site.import.error.chain", name);
			}
			else if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** An integer from {@code min} to {@code max}; the fallback when absent. */
	Integer integer(ImportRow row, String field, int min, int max, Integer fallback) {
		if (!row.has(field)) {
			return fallback;
		}
		if (row.text(field) == null) {
			return null;
		}
		BigDecimal value = row.decimal(field);
		if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
				|| value.compareTo(BigDecimal.valueOf(max)) > 0) {
			row.refuse(field, "site.import.error.integer", min, max);
			return null;
		}
		return value.intValue();
	}
}
