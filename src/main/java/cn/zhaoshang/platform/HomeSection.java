package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * One box of the home page: open tasks with exact counts, figures, and a short list of records, each linking to the
 * page where the work is done. Every text is a message key (with arguments), so the page renders in the reader's
 * language.
 *
 * @param id stable id of the box (the HTML id, {@code home-<id>})
 * @param order position on the page (tasks first, figures after)
 * @param titleKey message key of the box's heading
 * @param tasks things to do, with their counts
 * @param figures numbers to know
 * @param rows records to look at (a few, the most urgent first)
 * @param moreLink where the whole list is, or null
 */
public record HomeSection(String id, int order, String titleKey, List<Task> tasks, List<Figure> figures,
		List<Row> rows, String moreLink) {

	public HomeSection {
		tasks = List.copyOf(tasks);
		figures = List.copyOf(figures);
		rows = List.copyOf(rows);
	}

	/** A box of tasks only. */
	public static HomeSection tasks(String id, int order, String titleKey, List<Task> tasks) {
		return new HomeSection(id, order, titleKey, tasks, List.of(), List.of(), null);
	}

	/**
	 * Something to do.
	 *
	 * @param id stable id (HTML id {@code task-<id>}, for tests)
	 * @param labelKey message key of the task
	 * @param count how many records need it (exact)
	 * @param link the page where it is done
	 */
	public record Task(String id, String labelKey, long count, String link) {
	}

	/**
	 * A number: a count, or an amount in 万元 when {@code amount} is set.
	 *
	 * @param id stable id (HTML id {@code figure-<id>})
	 */
	public record Figure(String id, String labelKey, long count, BigDecimal amount, String link) {

		public static Figure count(String id, String labelKey, long count, String link) {
			return new Figure(id, labelKey, count, null, link);
		}

		public static Figure amount(String id, String labelKey, BigDecimal amount, String link) {
			return new Figure(id, labelKey, 0, amount == null ? BigDecimal.ZERO : amount, link);
		}
	}

	/**
	 * A record to look at.
	 *
	 * @param title what it is (a project's code and name, a clue's title), as stored
	 * @param tagKey message key of a short label beside it (a stage, a status), or null
	 * @param detail one more line as stored (problems, a due date), or null
	 * @param detailKey message key that introduces the detail (e.g. "problems: {0}"), or null to show it as is
	 */
	public record Row(String title, String tagKey, String detailKey, String detail, String link) {
	}
}
