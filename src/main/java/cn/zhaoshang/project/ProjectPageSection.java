package cn.zhaoshang.project;

/**
 * A downstream module's block on the project detail page (issue 14: materials, approvals and the evaluation of the
 * service module). The ledger does not know the module: the page loads each section's fragment with htmx from the
 * path it answers, so the module renders, authorises and translates its own block.
 */
public interface ProjectPageSection {

	/** The fragment's path for this project, e.g. {@code /projects/42/service}. */
	String fragmentPath(long projectId);

	/** Position among the sections (smaller first). */
	default int order() {
		return 100;
	}
}
