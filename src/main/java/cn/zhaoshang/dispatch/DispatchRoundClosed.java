package cn.zhaoshang.dispatch;

/**
 * A round was closed (again, after a reopening, too): every dispatch_scope row of the round now holds the facts
 * frozen for its period (stage_at_close, funds_in_period, stage_moves_in_period, milestone_in_period,
 * closed_snapshot = TRUE). Closing an already closed round publishes nothing.
 */
public record DispatchRoundClosed(DispatchRoundId roundId) {
}
