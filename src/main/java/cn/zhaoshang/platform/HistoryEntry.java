package cn.zhaoshang.platform;

import java.time.Instant;
import java.util.List;

/**
 * One line of a record's history, as shown on the record's own page: ready to read (names for ids, labels for enum
 * values and fields, the actor's name beside the sign-in name, the address as a client writes it).
 *
 * @param actor the sign-in name of who made the change (null for the system)
 * @param actorName that person's name, or null when unknown
 * @param recordType the record the line is about: the page's own record, or one of its parts (an attachment)
 */
public record HistoryEntry(Instant at, String actor, String actorName, String remoteAddress, String recordType,
		String action, String summary, List<FieldChange> changes) {

	/** Who, as people say it: the name, else the sign-in name. */
	public String who() {
		return actorName != null ? actorName : actor;
	}

	/** Who, with the sign-in name beside the name ("刘洋 (hualong.staff)"), for one-line mentions. */
	public String whoWithLogin() {
		return actorName != null && actor != null ? actorName + " (" + actor + ")" : who();
	}

	/**
	 * One changed field: its key, its label in the reader's language, and the values before and after as people
	 * read them (empty when absent).
	 */
	public record FieldChange(String field, String label, String before, String after) {
	}
}
