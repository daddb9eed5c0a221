package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.org.Entrustments;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An intermediary submits a clue for one of the units that entrust it: source INTERMEDIARY credited to its own
 * unit, owned by the chosen unit, NEW. It sees the clue (and only its own clues) afterwards.
 */
@Service
public class SubmitClue {

	private final ClueFacts facts;
	private final Entrustments entrustments;
	private final Clock clock;

	SubmitClue(ClueFacts facts, Entrustments entrustments, Clock clock) {
		this.facts = facts;
		this.entrustments = entrustments;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(ClueDetails d, CurrentUser user) {
		if (user.role() != Role.INTERMEDIARY || user.unitId() == null) {
			throw new BusinessException(403, "error.forbidden");
		}
		UnitId owner = UnitId.of(d.ownerUnitId());
		if (owner == null) {
			throw new FieldException("ownerUnitId", "validation.required");
		}
		if (!entrustments.entrusts(owner, user.unitId())) {
			throw new FieldException("ownerUnitId", "clue.validation.notEntrusted");
		}
		Instant now = clock.instant();
		Clue c = Clue.logged(ClueSource.INTERMEDIARY, user.getUsername(), user.id().value(), LocalDate.now(clock), now);
		c.ownerUnitId = owner.value();
		facts.apply(c, d, now);
		String credit = d.sourceCredit() == null || d.sourceCredit().isBlank() ? user.unitName() : d.sourceCredit();
		c.credit(ClueSource.INTERMEDIARY, user.unitId().value(), credit);
		return facts.saveNew(c);
	}
}
