package cn.zhaoshang.project.web;

import java.util.List;

import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectFilter;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every ledger view (list, Kanban, grouped) puts in the model for its filter form. */
@Component
class LedgerPageModel {

	private final ReferenceData reference;

	LedgerPageModel(ReferenceData reference) {
		this.reference = reference;
	}

	void filters(CurrentUser user, ProjectFilter filter, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("query", LedgerFilters.query(filter));
		model.addAttribute("advanced", LedgerFilters.advanced(filter));
		model.addAttribute("units", reference.landingUnits());
		model.addAttribute("chains", reference.chains(ProjectPages.english(), null));
		model.addAttribute("chainNames", reference.chainNames(ProjectPages.english()));
		model.addAttribute("leaders", reference.people(PersonKind.LEADER, null));
		model.addAttribute("attendants", reference.people(PersonKind.STAFF, null));
		model.addAttribute("stages", List.of(Stage.values()));
		model.addAttribute("statuses", List.of(ProjectStatus.values()));
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("canEdit", ProjectPages.canEdit(user));
	}
}
