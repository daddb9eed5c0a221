package cn.zhaoshang.platform;

/**
 * A module's own block of the home page, rendered from its own template (issue 11: the report module's dashboard).
 * Where a {@link HomeContributor} answers data that the platform lays out as boxes, a panel brings its whole
 * markup: the platform renders the named template with the page's {@code ctx} only, so the template loads what it
 * shows itself (the dashboard fetches its JSON). Panels come after the inbox, ordered by {@link #order()}.
 */
public interface HomePanel {

	/** The template to render for this user ({@code report/dashboard.jte}), or null when the panel is not for them. */
	String template(CurrentUser user);

	/** Position among the panels (smaller first). */
	default int order() {
		return 100;
	}
}
