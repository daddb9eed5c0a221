package cn.zhaoshang.platform;

import java.util.List;

/**
 * Many records were written by one action (an import, a batch registration): the same {@link RecordChanged}s,
 * published as one event so that the audit module can write them with one JDBC batch instead of one INSERT each.
 * Every change still becomes its own audit row with the same content.
 */
public record RecordsChanged(List<RecordChanged> changes) {

	public RecordsChanged {
		changes = List.copyOf(changes);
	}
}
