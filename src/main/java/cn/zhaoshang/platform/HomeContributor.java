package cn.zhaoshang.platform;

import java.util.List;

/**
 * A module's part of the home page (the user's inbox, issue 8). The home page lives in the platform, which depends
 * on nothing; the modules that own the work (projects, clues …) implement this and the page shows what they answer,
 * ordered by {@link HomeSection#order()}. Implementations keep to a handful of COUNT/LIMIT queries, scoped by
 * {@link DataScopes}: the page is opened many times a day.
 */
public interface HomeContributor {

	/** The sections for this user (none when the module has nothing for their role). */
	List<HomeSection> sections(CurrentUser user);
}
