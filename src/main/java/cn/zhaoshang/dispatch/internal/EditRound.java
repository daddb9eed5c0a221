package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau edits the header of an open round: its name, period, report deadline and chairing leader. A
 * closed round is refused (409 dispatch.error.roundClosedEdit), a stale version is a 409. The change is audited
 * field by field (only what changed), so the round's history reads like the other dispatch writes.
 */
@Service
public class EditRound {

	private final DispatchAccess access;
	private final RoundStore rounds;
	private final People people;
	private final Auditor auditor;
	private final Clock clock;

	EditRound(DispatchAccess access, RoundStore rounds, People people, Auditor auditor, Clock clock) {
		this.access = access;
		this.rounds = rounds;
		this.people = people;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Saves the header; returns false when nothing changed (no write, no audit entry). */
	@Transactional
	public boolean execute(long roundId, RoundInput input, Integer version, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		if (!round.isOpen()) {
			throw new BusinessException(409, "dispatch.error.roundClosedEdit", round.name());
		}
		if (version == null) {
			throw new FieldException("version", "validation.required");
		}
		RoundInput in = new RoundInput(input.name(), input.periodFrom(), input.periodTo(), input.deadline(),
				input.chairPersonId(), null).check();
		if (version != round.version()) {
			throw new OptimisticLockingFailureException("dispatch round " + roundId + " changed meanwhile");
		}
		String chairName = null;
		if (in.chairPersonId() != null) {
			chairName = Objects.equals(in.chairPersonId(), round.chairPersonId()) && round.chairName() != null
					? round.chairName()
					: people.summary(new PersonId(in.chairPersonId()))
						.orElseThrow(() -> new FieldException("chairPersonId", "validation.unknown"))
						.name();
		}
		DispatchRound changed = new DispatchRound(round.id(), in.name(), in.periodFrom(), in.periodTo(),
				in.deadline(), in.chairPersonId(), chairName, round.status(), round.closedAt(), round.closedBy(),
				round.reopenReason(), round.version(), round.createdBy(), round.createdAt(), round.updatedAt());
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		diff(before, after, "name", round.name(), changed.name());
		diff(before, after, "periodFrom", round.periodFrom(), changed.periodFrom());
		diff(before, after, "periodTo", round.periodTo(), changed.periodTo());
		diff(before, after, "deadline", round.deadline(), changed.deadline());
		diff(before, after, "chairName", round.chairName(), changed.chairName());
		if (after.isEmpty() && Objects.equals(round.chairPersonId(), changed.chairPersonId())) {
			return false;
		}
		rounds.update(changed, version, clock.instant());
		auditor.record("dispatchRound", roundId, "UPDATE", changed.name(), before, after);
		return true;
	}

	private static void diff(Map<String, Object> before, Map<String, Object> after, String field, Object was,
			Object now) {
		if (!Objects.equals(was, now)) {
			before.put(field, was == null ? "" : was.toString());
			after.put(field, now == null ? "" : now.toString());
		}
	}
}
