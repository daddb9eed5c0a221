package cn.zhaoshang.project;

import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;

/**
 * A downstream module's section of the project detail page (issue 14: the land and factories matched and reserved
 * for the project). The ledger does not depend on the modules that serve a project; they implement this and the
 * page renders the named template with the page's {@code ctx} and the parameters answered, ordered by
 * {@link #order()}, after the files. Implementations check the user's rights themselves and keep to a few queries.
 */
public interface ProjectPageSection {

	/** The section for this project and user, or null when there is nothing for them. */
	Section section(ProjectId project, CurrentUser user);

	/** Position among the sections (smaller first). */
	default int order() {
		return 100;
	}

	/**
	 * What to render: a template ({@code service/project-sites.jte}) and its parameters besides {@code ctx}.
	 *
	 * @param template the template's name
	 * @param params the template's parameters
	 */
	record Section(String template, Map<String, Object> params) {
	}
}
