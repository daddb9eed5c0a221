package cn.zhaoshang.project;

import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;

/**
 * A downstream module's section of the project detail page (issue 14: the land and factories matched and reserved
 * for the project; materials, approvals and the evaluation). The ledger does not depend on the modules that serve a
 * project; they implement this, ordered by {@link #order()} within their {@link #placement()}. A section is either
 * rendered with the page (a template with its parameters; the page adds {@code ctx}) or loaded by htmx from the
 * module's own path, which then renders, authorises and translates its block itself. Implementations check the user's
 * rights themselves and keep to a few queries; the page asks each section once per view.
 * <p>
 * Where the sections go: after the stage history, the progress updates and the funds in place, before the files, the
 * rendered sections placed {@link Placement#BEFORE_FILES} and then every loaded one; after the files, the rendered
 * sections placed {@link Placement#AFTER_FILES} (the default), before the history.
 */
public interface ProjectPageSection {

	/** The section for this project and user, or null when there is nothing for them. */
	Section section(ProjectId project, CurrentUser user);

	/** Position among the sections of the same placement (smaller first). */
	default int order() {
		return 100;
	}

	/** Where a rendered section goes on the page (a loaded one always goes before the files). */
	default Placement placement() {
		return Placement.AFTER_FILES;
	}

	/** The two places of the page that take rendered sections. */
	enum Placement {
		/**
		 * With the project's own working blocks: after the stage history, progress and funds, before the files
		 * (what the project's unit acts on, such as its placement and transfers).
		 */
		BEFORE_FILES,
		/** After the files, before the history (what is read now and then: sites, intermediaries' credit). */
		AFTER_FILES
	}

	/**
	 * What to show: a template ({@code service/project-sites.jte}) and its parameters besides {@code ctx}, or the
	 * path of a fragment the page loads ({@code /projects/42/service}).
	 *
	 * @param template the template's name, null for a loaded fragment
	 * @param params the template's parameters
	 * @param fragmentPath the fragment's path, null for a rendered template
	 */
	record Section(String template, Map<String, Object> params, String fragmentPath) {

		public Section(String template, Map<String, Object> params) {
			this(template, params, null);
		}

		/** A block the page loads from the module's own path. */
		public static Section loaded(String fragmentPath) {
			return new Section(null, Map.of(), fragmentPath);
		}
	}
}
