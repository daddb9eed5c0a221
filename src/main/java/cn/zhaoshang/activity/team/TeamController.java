package cn.zhaoshang.activity.team;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.activity.team.TeamForms.JointForm;
import cn.zhaoshang.activity.team.TeamForms.LogForm;
import cn.zhaoshang.activity.team.TeamForms.PersonChoice;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.People;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team pages (驻地招商组与联合小分队): the resident teams with their conversion, a team's page with its work log
 * (filters, paging, export, the form to add a line), and the joint teams with their targets.
 */
@Controller
class TeamController {

	static final String PAGE = "/activity/teams";

	static final String JOINT = "/activity/joint-teams";

	private final Teams teams;
	private final JointTeams joint;
	private final cn.zhaoshang.platform.RecordHistory history;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final People people;
	private final Merchants merchants;
	private final MessageSource messages;
	private final Clock clock;

	TeamController(Teams teams, JointTeams joint, UnitDirectory units, DataScopes scopes, People people,
			Merchants merchants, MessageSource messages, Clock clock, cn.zhaoshang.platform.RecordHistory history) {
		this.history = history;
		this.teams = teams;
		this.joint = joint;
		this.units = units;
		this.scopes = scopes;
		this.people = people;
		this.merchants = merchants;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String overview(@RequestParam(required = false) Integer year, Model model) {
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("teams", teams.teams(y));
		model.addAttribute("joint", joint.all(null, null));
		return "activity/teams";
	}

	@GetMapping(PAGE + "/{unit}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String team(@AuthenticationPrincipal CurrentUser user, @PathVariable long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) TeamLogKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model) {
		return page(user, unit, year(year), new Teams.LogFilter(unit, kind, from, to, q), page, size,
				new LogForm(LocalDate.now(clock), TeamLogKind.VISIT, null, null, null), FormErrors.NONE, model);
	}

	@PostMapping(PAGE + "/{unit}/logs")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String addLog(@AuthenticationPrincipal CurrentUser user, @PathVariable long unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) TeamLogKind kind, @RequestParam(required = false) String merchantName,
			@RequestParam(required = false) String workDone, @RequestParam(required = false) Long clueId,
			Locale locale, Model model, RedirectAttributes redirect) {
		LogForm form = new LogForm(date, kind, merchantName, workDone, clueId);
		try {
			Long merchant = null;
			if (merchantName != null && !merchantName.isBlank()) {
				merchant = merchants.match(merchantName.strip(), null)
					.map(m -> m.id().value())
					.orElseThrow(() -> new InvalidInputException(List.of(new Violation("merchantName",
							"activity.rule.unknownNames", merchantName.strip()))));
			}
			teams.add(new Teams.LogInput(unit, date, kind, merchant, workDone, clueId), user);
		}
		catch (InvalidInputException e) {
			return page(user, unit, year(null), new Teams.LogFilter(unit, null, null, null, null), null, null, form,
					FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:" + PAGE + "/" + unit;
	}

	@PostMapping(PAGE + "/logs/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String deleteLog(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		long unit = teams.log(id).unitId();
		teams.delete(id, version, user);
		Flash.success(redirect, "flash.deleted");
		return "redirect:" + PAGE + "/" + unit;
	}

	@GetMapping(PAGE + "/{unit}/logs.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@PathVariable long unit, @RequestParam(required = false) TeamLogKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
		String today = LocalDate.now(clock).toString();
		Downloads.xlsx(response, messages.getMessage("team.export.file", new Object[] { today }, locale) + ".xlsx",
				messages.getMessage("team.export.file", new Object[] { today }, Locale.ENGLISH) + ".xlsx");
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t("team.log.title", locale));
			styles.headerRow(sheet, List.of(new Column(t("field.date", locale), 12),
					new Column(t("field.logKind", locale), 10), new Column(t("field.merchantId", locale), 28),
					new Column(t("field.workDone", locale), 50), new Column(t("field.clueId", locale), 10),
					new Column(t("team.col.team", locale), 20)));
			int r = 1;
			for (Teams.Log l : teams.allLogs(new Teams.LogFilter(unit, kind, from, to, q))) {
				var row = styles.row(sheet, r++).date(l.date()).text(t(l.kind().messageKey(), locale))
					.text(l.merchantName()).lines(l.workDone());
				(l.clueId() == null ? row.skip() : row.integer(l.clueId())).text(l.unitName());
			}
			wb.write(response.getOutputStream());
		}
		finally {
			wb.dispose();
		}
	}

	@GetMapping(JOINT + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String jointTeam(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var j = joint.get(id);
		model.addAttribute("j", j);
		model.addAttribute("canEdit", joint.canEdit(j.unitId(), user));
		model.addAttribute("history", history.of(JointTeams.RECORD, id));
		return "activity/joint-team";
	}

	@GetMapping(JOINT + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String jointForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return jointForm(model, user, new JointForm(null, user.unitId() == null ? null : user.unitId().value(), null,
				null, null, null, null, null, null), FormErrors.NONE);
	}

	@PostMapping(JOINT + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createJoint(@AuthenticationPrincipal CurrentUser user, JointForm form, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			var saved = joint.create(input(form), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + JOINT + "/" + saved.id();
		}
		catch (InvalidInputException e) {
			return jointForm(model, user, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(JOINT + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editJoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var j = joint.get(id);
		if (!joint.canEdit(j.unitId(), user)) {
			throw new AccessDeniedException("joint team of another unit");
		}
		var targets = j.targets().stream().collect(java.util.stream.Collectors.groupingBy(JointTeams.Target::direction,
				java.util.stream.Collectors.mapping(JointTeams.Target::merchantName,
						java.util.stream.Collectors.joining("\n"))));
		model.addAttribute("jointId", id);
		return jointForm(model, user, new JointForm(j.name(), j.unitId(), j.cadrePersonId(), j.enterpriseHead(),
				j.anchorName(), targets.get(TargetDirection.UPSTREAM), targets.get(TargetDirection.DOWNSTREAM),
				j.note(), j.version()), FormErrors.NONE);
	}

	@PostMapping(JOINT + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String updateJoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, JointForm form,
			Locale locale, Model model, RedirectAttributes redirect) {
		try {
			joint.update(id, input(form), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + JOINT + "/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("jointId", id);
			return jointForm(model, user, form, FormErrors.of(e, messages, locale));
		}
	}

	/** The form's names resolved to enterprises (each unknown one named); the targets one per line. */
	private JointTeams.Input input(JointForm form) {
		List<Violation> problems = new ArrayList<>();
		Long anchor = merchant("anchorName", form.anchorName(), problems);
		List<JointTeams.TargetInput> targets = new ArrayList<>();
		for (String n : cn.zhaoshang.activity.event.EventForm.words(form.upstream(), false)) {
			targets.add(new JointTeams.TargetInput(merchant("upstream", n, problems), TargetDirection.UPSTREAM));
		}
		for (String n : cn.zhaoshang.activity.event.EventForm.words(form.downstream(), false)) {
			targets.add(new JointTeams.TargetInput(merchant("downstream", n, problems), TargetDirection.DOWNSTREAM));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new JointTeams.Input(form.name(), form.unitId(), form.cadrePersonId(), form.enterpriseHead(), anchor,
				targets, form.note(), form.version());
	}

	@PostMapping(JOINT + "/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String deleteJoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		joint.delete(id, version, user);
		Flash.success(redirect, "flash.deleted");
		return "redirect:" + PAGE;
	}

	private Long merchant(String field, String name, List<Violation> problems) {
		if (name == null || name.isBlank()) {
			return null;
		}
		var found = merchants.match(name.strip(), null);
		if (found.isEmpty()) {
			problems.add(new Violation(field, "activity.rule.unknownNames", name.strip()));
			return null;
		}
		return found.get().id().value();
	}

	private String page(CurrentUser user, long unit, int year, Teams.LogFilter filter, String page, String size,
			LogForm form, FormErrors errors, Model model) {
		model.addAttribute("team", teams.team(unit, year));
		model.addAttribute("year", year);
		model.addAttribute("filter", filter);
		model.addAttribute("result", teams.logs(filter, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("kinds", List.of(TeamLogKind.values()));
		model.addAttribute("canWrite", teams.canWrite(unit, user));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "activity/team";
	}

	private String jointForm(Model model, CurrentUser user, JointForm form, FormErrors errors) {
		var scope = scopes.of(user);
		java.util.Map<Long, String> unitNames = new java.util.HashMap<>();
		units.all().forEach(u -> unitNames.put(u.id().value(), u.name()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("organisers", units.all().stream().filter(UnitSummary::active)
			.filter(u -> scope.canEdit(u.id())).toList());
		model.addAttribute("people", people.summaries().stream()
			.filter(People.PersonSummary::active)
			.map(p -> new PersonChoice(p.id().value(), unitNames.getOrDefault(p.unitId().value(), "") + " · "
					+ p.name() + (p.title() == null ? "" : " · " + p.title())))
			.sorted(java.util.Comparator.comparing(PersonChoice::label))
			.toList());
		return "activity/joint-form";
	}

	private int year(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
