package cn.zhaoshang.merchant.talent;

import java.util.Collection;
import java.util.List;

import cn.zhaoshang.platform.ProjectId;

/**
 * Projects of the ledger as the talent directory sees them. The project module is downstream of the merchant module
 * (STYLE.md: merchant ← clue ← project), so the directory may not call it: the project module implements this
 * interface as a bean, and the directory stores only project ids (table {@code talent_project}). Without a bean
 * (a slice test without the project module) talents simply have no projects to link. Projects are named by the
 * platform's {@link ProjectId} (ADR 0003 addendum).
 */
public interface TalentProjects {

	/** Up to {@code limit} projects whose name or code contains {@code query}, newest first. */
	List<ProjectRef> search(String query, int limit);

	/** The projects with these ids that exist, in no particular order. */
	List<ProjectRef> byIds(Collection<ProjectId> ids);

	/**
	 * A project as a talent's page lists it.
	 *
	 * @param project its id
	 * @param statusKey message key of its stage (e.g. {@code stage.SIGNED})
	 * @param path the page that shows the project
	 */
	record ProjectRef(ProjectId project, String code, String name, String statusKey, String path) {

		/** The id as the number the link table ({@code talent_project.project_id}) and the JSON carry. */
		public long id() {
			return project.value();
		}
	}
}
