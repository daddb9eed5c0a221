package cn.zhaoshang.platform;

import java.time.Instant;
import java.util.Map;

/**
 * Something was written: published by every module for every write, consumed by the audit module (which
 * nobody depends on). Before and after are flat field maps; either is empty for a creation or a deletion.
 *
 * @param recordType e.g. {@code user}, {@code unit}, {@code login}
 * @param recordId the record's id as text
 * @param action e.g. {@code CREATE}, {@code UPDATE}, {@code DEACTIVATE}, {@code LOGIN_FAILED}
 */
public record RecordChanged(Instant at, String actor, Long actorId, String remoteAddress, String recordType,
		String recordId, String action, String summary, Map<String, Object> before, Map<String, Object> after) {
}
