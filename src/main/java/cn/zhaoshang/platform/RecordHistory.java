package cn.zhaoshang.platform;

import java.util.Collection;
import java.util.List;

/**
 * A record's own audit history, readable (see {@link HistoryEntry}) in the request's language. Implemented by the
 * audit module so that pages can show history without any module depending on audit.
 */
public interface RecordHistory {

	List<HistoryEntry> of(String recordType, Object recordId);

	/**
	 * The history of a record together with that of its parts (a project and its attachments), newest first.
	 */
	List<HistoryEntry> of(String recordType, Object recordId, String partType, Collection<?> partIds);
}
