package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.dispatch.ReportStatus;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InputText;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit saves or submits its report on one of its projects in an open round. Refused: another unit's project
 * (404), a closed round (409 dispatch.error.roundClosed), a stale version (409), broken field rules (422 naming the
 * field). Problems are kept by id (so their decisions stay), added and removed as rows.
 */
@Service
public class SaveReport {

	static final int SUMMARY_MAX = 4000;
	static final int NEXT_MAX = 2000;
	static final int PROBLEM_MAX = 1000;
	static final int OWNER_NAME_MAX = 100;
	static final int PROBLEMS_MAX = 30;

	private final DispatchAccess access;
	private final ScopeStore scope;
	private final ProblemStore problems;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;

	SaveReport(DispatchAccess access, ScopeStore scope, ProblemStore problems, Units units, Auditor auditor,
			Clock clock) {
		this.access = access;
		this.scope = scope;
		this.problems = problems;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public ReportStatus execute(long roundId, long projectId, ReportInput in, CurrentUser user) {
		DispatchRound round = access.round(roundId);
		ScopeRow row = access.writable(roundId, projectId, user);
		round.requireOpen();
		if (in.version() != null && in.version() != row.version()) {
			throw new OptimisticLockingFailureException("dispatch report " + row.id() + " changed meanwhile");
		}
		String summary = clean(in.summary());
		String next = clean(in.nextSteps());
		List<Violation> broken = new ArrayList<>();
		if (in.submit() && summary == null) {
			broken.add(new Violation("summary", "dispatch.validation.summaryRequired"));
		}
		if (summary != null && summary.length() > SUMMARY_MAX) {
			broken.add(new Violation("summary", "dispatch.validation.tooLong", SUMMARY_MAX));
		}
		textRule(broken, "summary", summary);
		textRule(broken, "nextSteps", next);
		if (next != null && next.length() > NEXT_MAX) {
			broken.add(new Violation("nextSteps", "dispatch.validation.tooLong", NEXT_MAX));
		}
		List<ReportInput.Problem> rows = in.problemsOrEmpty();
		if (rows.size() > PROBLEMS_MAX) {
			broken.add(new Violation("problems", "dispatch.validation.tooManyProblems", PROBLEMS_MAX));
		}
		List<DispatchProblem> existing = problems.of(roundId, projectId);
		Set<Long> existingIds = existing.stream().map(DispatchProblem::id).collect(Collectors.toSet());
		for (int i = 0; i < rows.size(); i++) {
			ReportInput.Problem p = rows.get(i);
			String field = "problems[" + i + "].";
			if (p == null || clean(p.text()) == null) {
				broken.add(new Violation(field + "text", "validation.required"));
				continue;
			}
			if (clean(p.text()).length() > PROBLEM_MAX) {
				broken.add(new Violation(field + "text", "dispatch.validation.tooLong", PROBLEM_MAX));
			}
			if (p.ownerUnitId() != null && units.find(new UnitId(p.ownerUnitId())).isEmpty()) {
				broken.add(new Violation(field + "ownerUnitId", "validation.unknown"));
			}
			if (clean(p.ownerName()) != null && clean(p.ownerName()).length() > OWNER_NAME_MAX) {
				broken.add(new Violation(field + "ownerName", "dispatch.validation.tooLong", OWNER_NAME_MAX));
			}
			if (p.id() != null && !existingIds.contains(p.id())) {
				broken.add(new Violation(field + "id", "validation.unknown"));
			}
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		ReportStatus status = in.submit() ? ReportStatus.SUBMITTED
				: row.reportStatus() == ReportStatus.RETURNED ? ReportStatus.RETURNED : ReportStatus.DRAFT;
		Instant now = clock.instant();
		scope.saveReport(row, row.version(), summary, next, status, user.getUsername(), now);
		Set<Long> kept = new java.util.HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			ReportInput.Problem p = rows.get(i);
			if (p.id() != null) {
				kept.add(p.id());
				problems.updateProposal(p.id(), clean(p.text()), p.ownerUnitId(), clean(p.ownerName()), p.due(), i,
						now);
			}
			else {
				problems.insert(roundId, projectId, clean(p.text()), p.ownerUnitId(), clean(p.ownerName()), p.due(),
						null, i, user.getUsername(), now);
			}
		}
		for (DispatchProblem gone : existing) {
			if (!kept.contains(gone.id())) {
				problems.delete(gone.id());
			}
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("reportStatus", row.reportStatus().name());
		put(before, "summary", row.summary());
		put(before, "nextSteps", row.nextSteps());
		put(before, "problems", existing.stream().map(DispatchProblem::text).collect(Collectors.joining(" | ")));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("reportStatus", status.name());
		put(after, "summary", summary);
		put(after, "nextSteps", next);
		put(after, "problems", rows.stream().map(p -> clean(p.text())).collect(Collectors.joining(" | ")));
		auditor.record("dispatchReport", row.id(), in.submit() ? "SUBMIT" : "SAVE_DRAFT",
				round.name() + " / " + projectId, before, after);
		return status;
	}

	private static void textRule(List<Violation> broken, String field, String text) {
		String problem = text == null ? null : InputText.problem(text);
		if (problem != null) {
			broken.add(new Violation(field, problem));
		}
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isEmpty()) {
			map.put(key, value);
		}
	}

	static String clean(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}
}
