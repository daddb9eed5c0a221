package cn.zhaoshang.supervision.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets annual targets (the city bureau only: administrators and city supervisors): one unit's through the API, all
 * units of a year at once from the targets page (all or nothing), last year's copied to the units without a target
 * yet, and the rows of an import. Every change is audited as {@code unit_target}; an unchanged row is not written.
 */
@Service
public class SetTargets {

	public static final String RECORD_TYPE = "unit_target";

	/** One unit's figures as the targets page sends them, with the version its row had (null when none). */
	public record Change(long unitId, TargetValues values, Integer version) {
	}

	private final TargetStore store;
	private final TargetUnits units;
	private final TargetYears years;
	private final Auditor auditor;

	SetTargets(TargetStore store, TargetUnits units, TargetYears years, Auditor auditor) {
		this.store = store;
		this.units = units;
		this.years = years;
		this.auditor = auditor;
	}

	/** Only the city bureau sets targets; everybody inside reads them. */
	public static boolean mayEdit(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/**
	 * One unit's target for a year: created, or changed at the version the caller read (a missing or stale version
	 * of an existing row is a conflict, 409). Broken rules: 422 naming each field.
	 */
	@Transactional
	public TargetRow set(int year, long unitId, TargetValues values, Integer version, CurrentUser user) {
		requireEditor(user);
		years.require(year, 422);
		UnitSummary unit = units.find(unitId).orElseThrow(NotFoundException::new);
		var existing = store.find(year, unitId);
		if (existing.isEmpty() && !TargetUnits.takesTargets(unit)) {
			throw new FieldException("unitId", "supervision.target.notTargetUnit");
		}
		List<Violation> problems = TargetRules.check(values);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (existing.isPresent() && !Objects.equals(existing.get().version(), version)) {
			throw new OptimisticLockingFailureException("target " + year + "/" + unitId + " changed meanwhile");
		}
		if (existing.isEmpty() && version != null && version != 0) {
			throw new OptimisticLockingFailureException("target " + year + "/" + unitId + " does not exist");
		}
		return write(year, unit, values, existing.orElse(null), user).row();
	}

	/**
	 * The targets page's save: every unit's figures checked first, each broken rule named
	 * {@code <unitId>.<field>}; nothing is written unless all pass. Returns how many rows changed.
	 */
	@Transactional
	public int setAll(int year, List<Change> changes, CurrentUser user) {
		requireEditor(user);
		years.require(year, 422);
		List<Violation> problems = new ArrayList<>();
		for (Change c : changes) {
			TargetRules.check(c.values())
				.forEach(v -> problems.add(new Violation(c.unitId() + "." + v.field(), v.messageKey(), v.args())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<Long, TargetRow> stored = store.forYear(year);
		int changed = 0;
		for (Change c : changes) {
			UnitSummary unit = units.find(c.unitId()).orElseThrow(NotFoundException::new);
			TargetRow existing = stored.get(c.unitId());
			if (existing == null && !TargetUnits.takesTargets(unit)) {
				throw new FieldException("unitId", "supervision.target.notTargetUnit");
			}
			if (existing != null ? !Objects.equals(existing.version(), c.version()) : c.version() != null) {
				throw new OptimisticLockingFailureException("target " + year + "/" + c.unitId() + " changed");
			}
			if (existing == null && c.values().isEmpty()) {
				continue;
			}
			if (write(year, unit, c.values(), existing, user).outcome() != Outcome.UNCHANGED) {
				changed++;
			}
		}
		return changed;
	}

	/**
	 * Last year's targets copied to this year's units that have none yet (rows already set this year stay as they
	 * are). Returns how many units got a copy.
	 */
	@Transactional
	public int copyFromLastYear(int year, CurrentUser user) {
		requireEditor(user);
		years.require(year, 422);
		if (year - 1 < TargetYears.FIRST) {
			return 0;
		}
		Map<Long, TargetRow> previous = store.forYear(year - 1);
		Map<Long, TargetRow> current = store.forYear(year);
		int copied = 0;
		for (UnitSummary unit : units.of(List.of())) {
			TargetRow from = previous.get(unit.id().value());
			TargetRow to = current.get(unit.id().value());
			if (from == null || from.values().isEmpty() || (to != null && !to.values().isEmpty())) {
				continue;
			}
			write(year, unit, from.values(), to, user);
			copied++;
		}
		return copied;
	}

	/** An imported row (checked by the import's rules): written over whatever the year holds, audited. */
	Outcome importRow(int year, UnitSummary unit, TargetValues values, CurrentUser user) {
		requireEditor(user);
		return write(year, unit, values, store.find(year, unit.id().value()).orElse(null), user).outcome();
	}

	record Written(TargetRow row, Outcome outcome) {
	}

	private Written write(int year, UnitSummary unit, TargetValues values, TargetRow existing, CurrentUser user) {
		TargetValues normalised = values.normalised();
		String summary = year + " " + unit.name();
		if (existing == null) {
			TargetRow row = store.insert(year, unit.id().value(), normalised, user.getUsername());
			auditor.record(RECORD_TYPE, row.id(), "CREATE", summary, Map.of(), audit(row));
			return new Written(row, Outcome.CREATED);
		}
		if (existing.values().sameAs(normalised)) {
			return new Written(existing, Outcome.UNCHANGED);
		}
		TargetRow row = store.update(existing, normalised, user.getUsername());
		auditor.record(RECORD_TYPE, row.id(), "UPDATE", summary, audit(existing), audit(row));
		return new Written(row, Outcome.UPDATED);
	}

	private static Map<String, Object> audit(TargetRow row) {
		var view = new java.util.LinkedHashMap<String, Object>();
		view.put("year", row.year());
		view.put("unitId", row.unitId());
		view.putAll(row.values().auditView());
		return view;
	}

	private static void requireEditor(CurrentUser user) {
		if (!mayEdit(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}
}
