package cn.zhaoshang.platform;

import java.util.List;

/**
 * A record's own audit history. Implemented by the audit module so that pages can show history without any
 * module depending on audit.
 */
public interface RecordHistory {

	List<HistoryEntry> of(String recordType, Object recordId);
}
