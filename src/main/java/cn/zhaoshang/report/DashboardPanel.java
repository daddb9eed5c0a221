package cn.zhaoshang.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;

/**
 * The extension point of the dashboard's "latest publications" panel (issue 11): a module that publishes something
 * (monthly notifications, quarterly rankings, weekly dynamics) implements this as a bean and its latest items show on
 * every reader's home dashboard, newest first, without the report module knowing it. Implementations answer from a
 * LIMIT query and only what the user may read.
 */
public interface DashboardPanel {

	/** The latest publications the user may read, newest first, at most {@code limit}. */
	List<Publication> latest(CurrentUser user, Locale locale, int limit);

	/**
	 * One published item.
	 *
	 * @param kind what it is, in the reader's language (月通报)
	 * @param title its title as published
	 * @param date the day it was published
	 * @param link where it opens
	 */
	record Publication(String kind, String title, LocalDate date, String link) {
	}
}
