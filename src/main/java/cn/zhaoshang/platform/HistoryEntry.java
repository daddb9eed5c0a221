package cn.zhaoshang.platform;

import java.time.Instant;
import java.util.List;

/** One line of a record's history, as shown on the record's own page. */
public record HistoryEntry(Instant at, String actor, String remoteAddress, String action, String summary,
		List<FieldChange> changes) {

	/** One changed field: its name and the value before and after. */
	public record FieldChange(String field, String before, String after) {
	}
}
