package cn.zhaoshang.activity.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The input rules the activity records share (events, team logs, joint teams, training, cooperation): required and
 * bounded text, dates in range, ids that must name existing rows, and the unit the user must be allowed to edit.
 * Each rule adds a {@link Violation} naming the API field; the caller throws them together.
 */
public final class Checks {

	private Checks() {
	}

	/** The stripped text, or null; required and at most {@code max} characters. */
	public static String text(String field, String value, int max, boolean required, List<Violation> problems) {
		String s = value == null || value.isBlank() ? null : value.strip();
		if (s == null && required) {
			problems.add(new Violation(field, "activity.rule.required"));
		}
		else if (s != null && s.length() > max) {
			problems.add(new Violation(field, "activity.rule.tooLong", max));
		}
		return s;
	}

	public static LocalDate date(String field, LocalDate value, boolean required, List<Violation> problems) {
		if (value == null && required) {
			problems.add(new Violation(field, "activity.rule.required"));
		}
		else if (value != null && (value.getYear() < 2000 || value.getYear() > 2100)) {
			problems.add(new Violation(field, "activity.rule.dateRange"));
		}
		return value;
	}

	public static <T> T required(String field, T value, List<Violation> problems) {
		if (value == null) {
			problems.add(new Violation(field, "activity.rule.required"));
		}
		return value;
	}

	public static BigDecimal positive(String field, BigDecimal value, BigDecimal max, List<Violation> problems) {
		if (value == null) {
			problems.add(new Violation(field, "activity.rule.required"));
		}
		else if (value.signum() <= 0 || value.compareTo(max) > 0 || value.scale() > 1
				&& value.stripTrailingZeros().scale() > 1) {
			problems.add(new Violation(field, "activity.rule.hours", max.toPlainString()));
		}
		return value;
	}

	/** The distinct ids without nulls; those missing from {@code table} are refused as {@code field}. */
	public static List<Long> ids(JdbcClient jdbc, String field, String table, Collection<Long> ids,
			List<Violation> problems) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		Set<Long> wanted = new LinkedHashSet<>();
		ids.stream().filter(java.util.Objects::nonNull).forEach(wanted::add);
		if (wanted.isEmpty()) {
			return List.of();
		}
		if (wanted.size() > 500) {
			problems.add(new Violation(field, "activity.rule.tooMany", 500));
			return List.of();
		}
		Set<Long> found = new java.util.HashSet<>(jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids)")
			.param("ids", wanted)
			.query(Long.class)
			.list());
		List<Long> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
		if (!missing.isEmpty()) {
			problems.add(new Violation(field, "activity.rule.unknownIds",
					String.join(", ", missing.stream().map(String::valueOf).toList())));
		}
		return List.copyOf(wanted);
	}

	/** A unit that exists (else a violation); the user must be allowed to edit its records (else 403). */
	public static void editableUnit(JdbcClient jdbc, String field, Long unit, DataScope scope, List<Violation> problems) {
		if (unit == null) {
			problems.add(new Violation(field, "activity.rule.required"));
			return;
		}
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM unit WHERE id = :id").param("id", unit).query(Long.class)
			.single() > 0;
		if (!exists) {
			problems.add(new Violation(field, "activity.rule.unknownIds", String.valueOf(unit)));
		}
		else if (!scope.canEdit(new UnitId(unit))) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** The record of this unit may be changed by the user (else 403). */
	public static void requireEditable(DataScope scope, long unit) {
		if (!scope.canEdit(new UnitId(unit))) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** Who wrote it, for the created_by / updated_by columns. */
	public static String by(CurrentUser user) {
		return user.getUsername();
	}

	/** A versioned write touched exactly one row, or the record changed since the caller read it. */
	public static void requireOne(int updated, String what, long id) {
		if (updated != 1) {
			throw new org.springframework.dao.OptimisticLockingFailureException(what + " " + id + " changed");
		}
	}

	/** Values a form sent that do not convert (a date, a number) are refused by their field. */
	public static void refuseBinding(org.springframework.validation.BindingResult binding) {
		List<Violation> problems = new java.util.ArrayList<>();
		binding.getFieldErrors().forEach(e -> problems.add(new Violation(e.getField(), "validation.invalidValue")));
		if (!problems.isEmpty()) {
			throw new cn.zhaoshang.platform.InvalidInputException(problems);
		}
	}
}
