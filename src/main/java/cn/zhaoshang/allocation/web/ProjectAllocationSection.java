package cn.zhaoshang.allocation.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.allocation.internal.Candidates;
import cn.zhaoshang.allocation.internal.Subjects;
import cn.zhaoshang.allocation.internal.Transfer;
import cn.zhaoshang.allocation.internal.Transfers;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectPageSection;

import org.springframework.stereotype.Component;

/**
 * The project page's section "placement" (issue 12): a badge when the project's chain is outside its landing unit's
 * positioning, with the link to the recommended receiving units, and the project's transfers. Shown to users inside
 * the government when the project is outside its positioning or has been proposed for transfer; the ledger knows
 * nothing of allocation (three small queries: the project, the unit's positioning, the transfers).
 */
@Component
class ProjectAllocationSection implements ProjectPageSection {

	private final Subjects subjects;
	private final Candidates candidates;
	private final Transfers transfers;

	ProjectAllocationSection(Subjects subjects, Candidates candidates, Transfers transfers) {
		this.subjects = subjects;
		this.candidates = candidates;
		this.transfers = transfers;
	}

	@Override
	public Section section(ProjectId project, CurrentUser user) {
		if (user == null || !user.role().isInternal()) {
			return null;
		}
		var subject = subjects.project(project.value()).orElse(null);
		if (subject == null) {
			return null;
		}
		boolean outside = candidates.outsidePositioning(subject);
		List<Transfer> list = transfers.ofProject(project.value(), user);
		if (!outside && list.isEmpty()) {
			return null;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("projectId", project.value());
		params.put("unitId", subject.unitId());
		params.put("outside", outside);
		params.put("open", subject.open());
		params.put("transfers", list);
		return new Section("allocation/project-section.jte", params);
	}

	@Override
	public int order() {
		return 5;
	}

	/** With the project's working blocks (after stage, progress and funds): the unit acts on a proposed transfer. */
	@Override
	public Placement placement() {
		return Placement.BEFORE_FILES;
	}
}
