package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectFundsRecorded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enters or corrects a project's funds row of one month (实际到位资金, issue 10): one row per project and month, a
 * correction is an edit of that row with the version read (else 409), audited on the project so that the project's
 * history shows it. Afterwards the project's paid-in investment is the sum of its rows ({@link PaidInTotals}).
 * {@link #executeAll} saves a unit's monthly grid: every line or none.
 */
@Service
public class RecordFunds {

	/** The longest note. */
	public static final int NOTE_MAX = 500;

	/**
	 * What is entered for one month.
	 *
	 * @param fundsInPlace 本月到位资金 (万元), required
	 * @param outOfProvince of which from outside the province (万元), at most fundsInPlace; blank is 0
	 * @param foreignUsed foreign capital actually used (万美元); blank is 0
	 * @param fixedAssets fixed-asset investment completed (万元); blank is 0
	 * @param version the row's version as read; null for a month without a row
	 */
	public record Input(BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets, String note, Integer version) {
	}

	/** One line of a monthly grid. */
	public record Line(long projectId, Input input) {
	}

	private final ProjectAccess access;
	private final FundsRows rows;
	private final PaidInTotals totals;
	private final FundsSums sums;
	private final Auditor auditor;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RecordFunds(ProjectAccess access, FundsRows rows, PaidInTotals totals, FundsSums sums, Auditor auditor,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.rows = rows;
		this.totals = totals;
		this.sums = sums;
		this.auditor = auditor;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reads a month as typed in a path or form ({@code 2026-10}); anything else is refused (400) naming the field.
	 */
	public static YearMonth month(String text) {
		try {
			return YearMonth.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw new FieldException("month", 400, "funds.month.invalid");
		}
	}

	@Transactional
	public FundsRows.Row execute(long projectId, YearMonth month, Input in, CurrentUser user) {
		Project p = access.editable(projectId, user);
		var violations = new ArrayList<Violation>();
		checkMonth(month, violations);
		check("", in, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		var before = sums.snapshot(List.of(projectId));
		write(p, month, in, user.getUsername(), clock.instant());
		totals.recompute(List.of(projectId));
		sums.update(before);
		return rows.find(projectId, month).orElseThrow();
	}

	/**
	 * Saves the lines of a monthly grid (fields named {@code rows[i].fundsInPlace} after the line's index), all or
	 * none: every rule of every line is checked first, a stale line included, and one broken rule refuses them all.
	 */
	@Transactional
	public int executeAll(YearMonth month, List<Line> lines, CurrentUser user) {
		var violations = new ArrayList<Violation>();
		checkMonth(month, violations);
		List<Project> projects = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			String prefix = "rows[" + i + "].";
			Project p;
			try {
				p = access.editable(line.projectId(), user);
			}
			catch (BusinessException e) {
				violations.add(new Violation(prefix + "project", "error.forbidden"));
				projects.add(null);
				continue;
			}
			projects.add(p);
			check(prefix, line.input(), violations);
			var existing = rows.find(p.id, month).orElse(null);
			Integer expected = existing == null ? null : existing.version();
			if (!Objects.equals(expected, line.input().version())) {
				violations.add(new Violation(prefix + "version", "funds.stale"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant();
		var ids = new LinkedHashSet<Long>();
		projects.forEach(p -> ids.add(p.id));
		var before = sums.snapshot(ids);
		for (int i = 0; i < lines.size(); i++) {
			write(projects.get(i), month, lines.get(i).input(), user.getUsername(), now);
		}
		totals.recompute(ids);
		sums.update(before);
		return lines.size();
	}

	private void checkMonth(YearMonth month, List<Violation> violations) {
		if (month == null) {
			violations.add(new Violation("month", "validation.required"));
		}
		else if (month.isAfter(YearMonth.now(clock))) {
			violations.add(new Violation("month", "funds.month.future"));
		}
	}

	static void check(String prefix, Input in, List<Violation> violations) {
		if (in.fundsInPlace() == null) {
			violations.add(new Violation(prefix + "fundsInPlace", "validation.required"));
		}
		Amount.violation(prefix + "fundsInPlace", in.fundsInPlace()).ifPresent(violations::add);
		Amount.violation(prefix + "outOfProvince", in.outOfProvince()).ifPresent(violations::add);
		Amount.violation(prefix + "foreignUsed", in.foreignUsed()).ifPresent(violations::add);
		Amount.violation(prefix + "fixedAssets", in.fixedAssets()).ifPresent(violations::add);
		if (in.fundsInPlace() != null && in.outOfProvince() != null
				&& in.outOfProvince().compareTo(in.fundsInPlace()) > 0) {
			violations.add(new Violation(prefix + "outOfProvince", "funds.outOfProvince.aboveFunds"));
		}
		if (in.note() != null && in.note().strip().length() > NOTE_MAX) {
			violations.add(new Violation(prefix + "note", "validation.size"));
		}
	}

	private void write(Project p, YearMonth month, Input in, String user, Instant now) {
		var existing = rows.find(p.id, month).orElse(null);
		String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
		var values = new FundsRows.Values(in.fundsInPlace(), in.outOfProvince(), in.foreignUsed(), in.fixedAssets(),
				note);
		if (existing == null) {
			if (in.version() != null) {
				throw new OptimisticLockingFailureException("funds row " + p.id + " " + month + " is gone");
			}
			try {
				rows.insert(p.id, month, values, user, now);
			}
			catch (DuplicateKeyException e) {
				throw new OptimisticLockingFailureException("funds row " + p.id + " " + month + " created meanwhile", e);
			}
		}
		else if (in.version() == null || !rows.update(p.id, month, values, in.version(), user, now)) {
			throw new OptimisticLockingFailureException("funds row " + p.id + " " + month + " changed meanwhile");
		}
		var after = rows.find(p.id, month).orElseThrow();
		audit(p, existing, after, auditor);
		events.publishEvent(new ProjectFundsRecorded(p.id(), p.unit(), month, user));
	}

	/**
	 * Audits a row's change on the project, so that the project's history shows it: the month is left out of
	 * the before map so that it always shows, the amounts that changed follow.
	 */
	static void audit(Project p, FundsRows.Row before, FundsRows.Row after, Auditor auditor) {
		Map<String, Object> from = new LinkedHashMap<>(before == null ? Map.of() : before.auditView());
		from.keySet().remove("fundsMonth");
		auditor.record("project", p.id, "FUNDS", p.code + " " + after.month(), from, after.auditView());
	}
}
