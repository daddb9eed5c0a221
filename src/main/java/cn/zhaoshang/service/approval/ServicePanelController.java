package cn.zhaoshang.service.approval;

import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectPageSection;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.service.evaluation.EvaluationTexts;
import cn.zhaoshang.service.evaluation.Evaluations;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The project page's block of the service module (issue 14), loaded by htmx: the materials checklist with its
 * commitments (overdue ones red and flagged), the approvals (overdue ones red with the days counted), the days
 * from signing to commencement by approval, and the evaluation before acceptance with its reasons.
 */
@Controller
class ServicePanelController implements ProjectPageSection {

	private final ServiceProjects projects;
	private final Materials materials;
	private final Approvals approvals;
	private final Evaluations evaluations;
	private final EvaluationTexts texts;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
	private final java.time.Clock clock;

	ServicePanelController(ServiceProjects projects, Materials materials, Approvals approvals,
			Evaluations evaluations, EvaluationTexts texts, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			java.time.Clock clock) {
		this.clock = clock;
		this.projects = projects;
		this.materials = materials;
		this.approvals = approvals;
		this.evaluations = evaluations;
		this.texts = texts;
		this.jdbc = jdbc;
	}

	@Override
	public Section section(ProjectId project, CurrentUser user) {
		return Section.loaded("/projects/" + project.value() + "/service");
	}

	@Override
	public int order() {
		return 40;
	}

	@GetMapping("/projects/{id}/service")
	@PreAuthorize(Security.Rules.INTERNAL)
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ProjectSummary p = projects.readable(id, user);
		var checklist = materials.load(id);
		var list = approvals.load(id);
		var evaluation = evaluations.evaluate(id);
		model.addAttribute("project", p);
		model.addAttribute("checklist", checklist);
		model.addAttribute("approvals", list);
		model.addAttribute("evaluation", evaluation);
		model.addAttribute("reasons", evaluation.outcome().reasons().stream()
			.map(c -> texts.text(c, evaluation.basis(), user.locale())).toList());
		model.addAttribute("basis", texts.basis(evaluation.basis(), user.locale()));
		model.addAttribute("timeline", ApprovalTimeline.of(signedAndCommenced(id), list, java.time.LocalDate.now(clock)));
		return "service/panel";
	}

	private List<java.time.LocalDate> signedAndCommenced(long id) {
		return jdbc.sql("SELECT signed_date, commenced_date FROM project WHERE id = :p").param("p", id)
			.query((rs, n) -> java.util.Arrays.asList(rs.getObject("signed_date", java.time.LocalDate.class),
					rs.getObject("commenced_date", java.time.LocalDate.class)))
			.single();
	}
}
