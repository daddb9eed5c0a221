package cn.zhaoshang.dispatch;

/** A closed round was reopened by the city bureau; its frozen facts are cleared until it closes again. */
public record DispatchRoundReopened(DispatchRoundId roundId, String reason) {
}
