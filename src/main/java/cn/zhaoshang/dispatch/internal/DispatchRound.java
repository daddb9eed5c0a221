package cn.zhaoshang.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.dispatch.RoundStatus;
import cn.zhaoshang.platform.BusinessException;

/**
 * A dispatch round (table dispatch_round): the period it covers, the report deadline, the chairing leader and
 * whether it is open. Its rules are guarded checks; {@link RoundStore} writes it.
 */
public record DispatchRound(long id, String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline,
		Long chairPersonId, String chairName, RoundStatus status, Instant closedAt, String closedBy,
		String reopenReason, int version, String createdBy, Instant createdAt, Instant updatedAt) {

	public boolean isOpen() {
		return status == RoundStatus.OPEN;
	}

	/** Reports and scope change only while the round is open: else 409 dispatch.error.roundClosed. */
	public void requireOpen() {
		if (!isOpen()) {
			throw new BusinessException(409, "dispatch.error.roundClosed", name);
		}
	}

	/** The first day of the first month of the period: funds rows are dated by month (their first day). */
	public LocalDate firstMonth() {
		return periodFrom.withDayOfMonth(1);
	}
}
