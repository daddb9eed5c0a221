package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import cn.zhaoshang.dispatch.DispatchRoundClosed;
import cn.zhaoshang.dispatch.DispatchRoundId;
import cn.zhaoshang.dispatch.DispatchRoundReopened;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau closes a round: every project's facts for the period are frozen on its scope row
 * ({@link ScopeStore#freeze}), reports can no longer change, and {@link DispatchRoundClosed} is published.
 * Closing a closed round changes nothing and publishes nothing (idempotent). Reopening (with a reason) clears the
 * frozen facts; closing again freezes them anew.
 */
@Service
public class CloseRound {

	static final int REASON_MAX = 500;

	private final DispatchAccess access;
	private final RoundStore rounds;
	private final ScopeStore scope;
	private final Auditor auditor;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CloseRound(DispatchAccess access, RoundStore rounds, ScopeStore scope, Auditor auditor,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.rounds = rounds;
		this.scope = scope;
		this.auditor = auditor;
		this.events = events;
		this.clock = clock;
	}

	/** Closes the round; false when it was closed already (nothing changed). */
	@Transactional
	public boolean close(long roundId, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		if (!round.isOpen()) {
			return false;
		}
		Instant now = clock.instant();
		if (!rounds.close(roundId, user.getUsername(), now)) {
			return false; // closed meanwhile by another request
		}
		int frozen = scope.freeze(round);
		auditor.record("dispatchRound", roundId, "CLOSE", round.name(), Map.of("roundStatus", "OPEN"),
				Map.of("roundStatus", "CLOSED", "projects", frozen));
		events.publishEvent(new DispatchRoundClosed(new DispatchRoundId(roundId)));
		return true;
	}

	/** Reopens a closed round with a reason; false when it was open already. */
	@Transactional
	public boolean reopen(long roundId, String reason, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		String why = SaveReport.clean(reason);
		if (why == null) {
			throw new FieldException("reason", "validation.required");
		}
		if (why.length() > REASON_MAX) {
			throw new FieldException("reason", "dispatch.validation.tooLong", REASON_MAX);
		}
		if (round.isOpen()) {
			return false;
		}
		if (!rounds.reopen(roundId, why, clock.instant())) {
			return false;
		}
		scope.unfreeze(roundId);
		auditor.record("dispatchRound", roundId, "REOPEN", why, Map.of("roundStatus", "CLOSED"),
				Map.of("roundStatus", "OPEN", "reason", why));
		events.publishEvent(new DispatchRoundReopened(new DispatchRoundId(roundId), why));
		return true;
	}
}
