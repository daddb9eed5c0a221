package cn.zhaoshang.clue;

import java.time.LocalDate;
import java.util.List;

/**
 * What produced a clue (an investment fair, a signing ceremony, a trip), told by the downstream modules that record
 * it: the clue module sits upstream of them (merchant ← clue ← project ← activity), so it may not call them; instead
 * each implements this interface as a bean and the clue page lists what every bean answers.
 */
public interface ClueOrigins {

	/** The records that produced the clue, oldest first; empty when none did. */
	List<Origin> of(ClueId clue);

	/**
	 * One record that produced a clue or a project.
	 *
	 * @param labelKey message key of the record's kind (shown before its name)
	 * @param name what the record is called
	 * @param date its date
	 * @param path the page that shows it
	 */
	record Origin(String labelKey, String name, LocalDate date, String path) {
	}
}
