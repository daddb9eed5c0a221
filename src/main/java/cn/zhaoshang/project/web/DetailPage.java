package cn.zhaoshang.project.web;

import java.time.Clock;

import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.FundsRows;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.ProjectQueries;
import cn.zhaoshang.project.internal.ProjectRecordQueries;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Builds the detail page's model. Shared by the controllers whose forms live on that page (progress, upload,
 * review), so that a refused submission re-renders the page with the errors next to its form.
 */
@Component
class DetailPage {

	/** Errors of the forms on the page; each shows next to its own form. */
	record Errors(FormErrors progress, LedgerViews.ProgressInput progressInput, String upload, FormErrors review) {

		static final Errors NONE = new Errors(FormErrors.NONE, null, null, FormErrors.NONE);
	}

	private final ProjectAccess access;
	private final ProjectRecordQueries queries;
	private final DataScopes scopes;
	private final Attachments attachments;
	private final RecordHistory history;
	private final Clues clues;
	private final Merchants merchants;
	private final ReferenceData reference;
	private final Clock clock;
	private final FundsRows fundsRows;
	private final cn.zhaoshang.project.CreditShares creditShares;
	private final cn.zhaoshang.org.Units units;
	private final cn.zhaoshang.project.internal.Milestones milestones;
	private java.util.List<cn.zhaoshang.project.ProjectPageSection> sections = java.util.List.of();
	private gg.jte.TemplateEngine templates;
	private final java.util.List<cn.zhaoshang.project.ProjectOrigins> origins;

	DetailPage(ProjectAccess access, ProjectRecordQueries queries, DataScopes scopes, Attachments attachments, RecordHistory history,
			Clues clues, Merchants merchants, ReferenceData reference, Clock clock, FundsRows fundsRows,
			cn.zhaoshang.project.CreditShares creditShares, cn.zhaoshang.org.Units units,
			cn.zhaoshang.project.internal.Milestones milestones,
			java.util.List<cn.zhaoshang.project.ProjectOrigins> origins) {
		this.origins = origins;
		this.milestones = milestones;
		this.clock = clock;
		this.fundsRows = fundsRows;
		this.creditShares = creditShares;
		this.units = units;
		this.merchants = merchants;
		this.access = access;
		this.queries = queries;
		this.scopes = scopes;
		this.attachments = attachments;
		this.history = history;
		this.clues = clues;
		this.reference = reference;
	}

	/** The downstream modules' sections of the page (issue 14), ordered. */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void sections(java.util.List<cn.zhaoshang.project.ProjectPageSection> sections, gg.jte.TemplateEngine templates) {
		this.sections = sections.stream()
			.sorted(java.util.Comparator.comparingInt(cn.zhaoshang.project.ProjectPageSection::order))
			.toList();
		this.templates = templates;
	}

	/**
	 * The sections for this view, each asked once: the rendered ones of each placement, in order, and the paths of
	 * the loaded ones.
	 */
	private void sections(Project project, CurrentUser user, Model model) {
		Object ctx = model.asMap().get("ctx");
		var before = new java.util.ArrayList<gg.jte.Content>();
		var after = new java.util.ArrayList<gg.jte.Content>();
		var paths = new java.util.ArrayList<String>();
		for (var section : sections) {
			var shown = section.section(project.id(), user);
			if (shown == null) {
				continue;
			}
			if (shown.template() == null) {
				if (shown.fragmentPath() != null) {
					paths.add(shown.fragmentPath());
				}
				continue;
			}
			java.util.Map<String, Object> params = new java.util.HashMap<>(shown.params());
			params.put("ctx", ctx);
			gg.jte.Content content = output -> templates.render(shown.template(), params, output);
			(section.placement() == cn.zhaoshang.project.ProjectPageSection.Placement.BEFORE_FILES ? before : after)
				.add(content);
		}
		model.addAttribute("sectionPaths", paths);
		model.addAttribute("sectionsBeforeFiles", before);
		model.addAttribute("sections", after);
	}

	String render(long id, CurrentUser user, Model model, Errors errors) {
		Project project = access.readable(id, user);
		var scope = scopes.of(user);
		ProjectQueries.Detail d = queries.detail(id, scope);
		var timeline = queries.timeline(id, scope, attachments);
		model.addAttribute("d", d);
		// whose figure the project is (ADR 0012): the shares in force today, by default 100 % to the landing unit
		var shares = creditShares.inForce(project.id(), java.time.LocalDate.now(clock));
		java.util.Map<Long, String> unitNames = new java.util.HashMap<>();
		shares.forEach(s -> units.find(s.unit()).ifPresent(u -> unitNames.put(u.id().value(), u.name())));
		model.addAttribute("creditShares", shares);
		model.addAttribute("creditUnitNames", unitNames);
		// an investor registered from the project form has a name only: say so, and link to where it is completed
		model.addAttribute("investorIncomplete", merchants.incomplete(new MerchantId(d.merchantId())));
		model.addAttribute("timeline", timeline);
		model.addAttribute("pendingMove", d.pendingMoveId() == null ? null
				: timeline.stream().filter(m -> m.id() == d.pendingMoveId()).findFirst().orElse(null));
		model.addAttribute("progress", queries.progress(id, scope, attachments));
		var files = attachments.ofProject(id);
		model.addAttribute("files", files);
		// the project's own history with the uploads of its files, so that the page tells who added which file
		model.addAttribute("history", history.of("project", id, "attachment",
				files.stream().map(Attachments.Attachment::id).toList()));
		model.addAttribute("canEdit", access.canEdit(project, user));
		model.addAttribute("reviewer", ProjectPages.reviewer(user));
		model.addAttribute("progressErrors", errors.progress());
		model.addAttribute("progressInput", errors.progressInput() == null ? LedgerViews.ProgressInput.empty(clock)
				: errors.progressInput());
		model.addAttribute("uploadError", errors.upload());
		model.addAttribute("reviewErrors", errors.review());
		// the clue this project was converted from (issue 4), if any
		model.addAttribute("sourceClue", clues.ofProject(project.id()).orElse(null));
		// what produced the project (a signing ceremony of the activity module …), told by the modules downstream
		model.addAttribute("origins", origins.stream().flatMap(o -> o.of(project.id()).stream()).toList());
		model.addAttribute("maxUploadMb", Attachments.MAX_BYTES / 1024 / 1024);
		model.addAttribute("chainNames", reference.chainNames(ProjectPages.english()));
		// funds in place by month (issue 10): the add form proposes last month, the usual one to report
		var funds = fundsRows.of(id);
		model.addAttribute("funds", funds);
		model.addAttribute("fundsTotal", FundsRows.Totals.of(funds));
		var thisMonth = java.time.YearMonth.now(clock);
		model.addAttribute("fundsMonth", thisMonth.minusMonths(1).toString());
		model.addAttribute("fundsMaxMonth", thisMonth.toString());
		// issue 10: the stage history with the recorded milestones, and the registration form (signed or later)
		model.addAttribute("entries", LedgerViews.TimelineEntry.merge(timeline, milestones.of(id, scope)));
		model.addAttribute("canRegister", access.canEdit(project, user)
				&& !d.row().stage().isBefore(cn.zhaoshang.project.Stage.SIGNED));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		if (!model.containsAttribute("registrationErrors")) {
			model.addAttribute("registrationErrors", FormErrors.NONE);
		}
		sections(project, user, model);
		return "project/detail";
	}
}
