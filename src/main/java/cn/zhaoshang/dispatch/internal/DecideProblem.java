package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.dispatch.ProblemStatus;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau records the meeting's decision on a problem (交办事项), its owner and due date, marks it done, or
 * sends it as a major matter (重大事项) to a forum and records the outcome. Allowed whether the round is open or
 * closed: the meeting follows the reports, and decisions are followed up long after.
 */
@Service
public class DecideProblem {

	static final int TEXT_MAX = 1000;

	private final DispatchAccess access;
	private final ProblemStore problems;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;

	DecideProblem(DispatchAccess access, ProblemStore problems, Units units, Auditor auditor, Clock clock) {
		this.access = access;
		this.problems = problems;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public void execute(long problemId, DecisionInput in, CurrentUser user) {
		access.requireBureau(user);
		DispatchProblem p = problems.find(problemId).orElseThrow(NotFoundException::new);
		if (in.version() != null && in.version() != p.version()) {
			throw new OptimisticLockingFailureException("dispatch problem " + problemId + " changed meanwhile");
		}
		String decision = SaveReport.clean(in.decision());
		String ownerName = SaveReport.clean(in.ownerName());
		String outcome = SaveReport.clean(in.outcome());
		ProblemStatus status = in.status() == null ? ProblemStatus.OPEN : in.status();
		List<Violation> broken = new ArrayList<>();
		if (decision != null && decision.length() > TEXT_MAX) {
			broken.add(new Violation("decision", "dispatch.validation.tooLong", TEXT_MAX));
		}
		if (outcome != null && outcome.length() > TEXT_MAX) {
			broken.add(new Violation("outcome", "dispatch.validation.tooLong", TEXT_MAX));
		}
		if (ownerName != null && ownerName.length() > SaveReport.OWNER_NAME_MAX) {
			broken.add(new Violation("ownerName", "dispatch.validation.tooLong", SaveReport.OWNER_NAME_MAX));
		}
		if (in.ownerUnitId() != null && units.find(new UnitId(in.ownerUnitId())).isEmpty()) {
			broken.add(new Violation("ownerUnitId", "validation.unknown"));
		}
		if (in.major() && in.forum() == null) {
			broken.add(new Violation("forum", "dispatch.validation.forumRequired"));
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		Instant now = clock.instant();
		Instant doneAt = status == ProblemStatus.DONE ? (p.doneAt() != null ? p.doneAt() : now) : null;
		DispatchProblem next = new DispatchProblem(p.id(), p.roundId(), p.projectId(), p.text(), p.ownerUnitId(),
				p.ownerName(), p.due(), decision, in.ownerUnitId(), ownerName, in.due(), status, doneAt, in.major(),
				in.major() ? in.forum() : null, in.major() ? outcome : null, p.carriedFromProblemId(), p.sortOrder(),
				p.version(), p.createdBy(), p.createdAt(), now);
		problems.decide(next, p.version(), now);
		auditor.record("dispatchProblem", problemId, "DECIDE", p.text(), values(p), values(next));
	}

	private static Map<String, Object> values(DispatchProblem p) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (p.decision() != null) {
			m.put("decision", p.decision());
		}
		if (p.decisionOwnerUnitId() != null) {
			m.put("ownerUnitId", p.decisionOwnerUnitId());
		}
		if (p.decisionOwnerName() != null) {
			m.put("ownerName", p.decisionOwnerName());
		}
		if (p.decisionDue() != null) {
			m.put("due", p.decisionDue().toString());
		}
		m.put("problemStatus", p.status().name());
		if (p.major()) {
			m.put("majorForum", p.majorForum().name());
			if (p.majorOutcome() != null) {
				m.put("majorOutcome", p.majorOutcome());
			}
		}
		return m;
	}
}
