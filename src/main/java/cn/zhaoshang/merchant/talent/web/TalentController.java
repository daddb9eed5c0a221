package cn.zhaoshang.merchant.talent.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.merchant.talent.Talent;
import cn.zhaoshang.merchant.talent.TalentFilter;
import cn.zhaoshang.merchant.talent.TalentForm;
import cn.zhaoshang.merchant.talent.TalentRelation;
import cn.zhaoshang.merchant.talent.TalentWorkbook;
import cn.zhaoshang.merchant.talent.Talents;
import cn.zhaoshang.merchant.talent.TalentQueries;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The talent directory's pages: the list (search, filters, sorting, paging, export), a talent's page with its
 * links and history, and the form. Every internal role reads; the editing roles register and edit within their
 * unit scope ({@link Talents}); intermediaries are refused everywhere.
 */
@Controller
class TalentController {

	static final int PAGE_SIZE = 20;
	static final int OPTIONS = 15;

	private final Talents talents;
	private final TalentQueries queries;
	private final TalentWorkbook workbook;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final RecordHistory history;
	private final MessageSource labels;

	TalentController(Talents talents, TalentQueries queries, TalentWorkbook workbook, UnitDirectory units, DataScopes scopes,
			RecordHistory history, MessageSource messages) {
		this.talents = talents;
		this.queries = queries;
		this.workbook = workbook;
		this.units = units;
		this.scopes = scopes;
		this.history = history;
		this.labels = new TalentLabels(messages);
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/talents")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") TalentFilter filter,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("result", queries.list(filter, user, page, PAGE_SIZE));
		model.addAttribute("facets", queries.facets());
		model.addAttribute("relations", List.of(TalentRelation.values()));
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", talents.canCreate(user));
		return "merchant/talent/list";
	}

	@GetMapping("/talents/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TalentFilter filter, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, workbook.fileName(locale), workbook.fileName(Locale.ENGLISH));
		workbook.export(filter, user, locale, response.getOutputStream());
	}

	@GetMapping("/talents/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Talent t = queries.get(id, user);
		model.addAttribute("talent", t);
		model.addAttribute("fields", t.fields());
		model.addAttribute("enterprises", queries.enterprisesOf(id));
		model.addAttribute("projects", queries.projectsOf(id));
		model.addAttribute("editable", talents.canEdit(t.unitId(), user));
		model.addAttribute("history", history.of("talent", id));
		return "merchant/talent/detail";
	}

	@GetMapping("/talents/new")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(model, user, null, TalentForm.empty(user.unitId() == null ? null : user.unitId().value()),
				FormErrors.NONE);
	}

	@PostMapping("/talents/new")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") TalentForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, user, null, form, FormErrors.of(binding, labels, locale));
		}
		try {
			long id = talents.create(form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/talents/" + id;
		}
		catch (FieldException e) {
			return form(model, user, null, form, FormErrors.of(e, labels, locale));
		}
	}

	@GetMapping("/talents/{id}/edit")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Talent t = queries.get(id, user);
		if (!talents.canEdit(t.unitId(), user)) {
			throw new cn.zhaoshang.platform.BusinessException(403, "error.forbidden");
		}
		TalentForm form = TalentForm.of(t, queries.enterprisesOf(id).stream().map(Talents.EnterpriseRef::id).toList(),
				queries.projectsOf(id).stream().map(p -> p.id()).toList());
		return form(model, user, id, form, FormErrors.NONE);
	}

	@PostMapping("/talents/{id}/edit")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") TalentForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, user, id, form, FormErrors.of(binding, labels, locale));
		}
		try {
			talents.update(id, form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/talents/" + id;
		}
		catch (FieldException e) {
			return form(model, user, id, form, FormErrors.of(e, labels, locale));
		}
	}

	@PostMapping("/talents/{id}/deactivate")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		talents.setActive(id, false, version, user);
		Flash.success(redirect, "flash.deactivated");
		return "redirect:/talents/" + id;
	}

	@PostMapping("/talents/{id}/activate")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		talents.setActive(id, true, version, user);
		Flash.success(redirect, "flash.activated");
		return "redirect:/talents/" + id;
	}

	/** The enterprise picker of the form (htmx): enterprises whose name contains the text, as check boxes. */
	@GetMapping("/talents/enterprise-options")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String enterpriseOptions(@RequestParam(name = "enterpriseQuery", defaultValue = "") String query, Model model) {
		return options(model, "enterpriseIds", query, queries.searchEnterprises(query, OPTIONS)
			.stream()
			.map(e -> new Option(e.id(), e.name(), e.uscc()))
			.toList());
	}

	/** The project picker of the form (htmx): projects whose name or code contains the text. */
	@GetMapping("/talents/project-options")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String projectOptions(@RequestParam(name = "projectQuery", defaultValue = "") String query, Model model) {
		return options(model, "projectIds", query, queries.searchProjects(query, OPTIONS)
			.stream()
			.map(p -> new Option(p.id(), p.name(), p.code()))
			.toList());
	}

	private static String options(Model model, String name, String query, List<Option> options) {
		model.addAttribute("name", name);
		model.addAttribute("options", options);
		model.addAttribute("searched", !query.isBlank());
		return "merchant/talent/options";
	}

	private String form(Model model, CurrentUser user, Long id, TalentForm form, FormErrors errors) {
		var scope = scopes.of(user);
		List<UnitSummary> editable = units.all()
			.stream()
			.filter(u -> u.active() && scope.canEdit(u.id()))
			.toList();
		model.addAttribute("talentId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("relations", List.of(TalentRelation.values()));
		model.addAttribute("units", editable);
		model.addAttribute("facets", queries.facets());
		model.addAttribute("enterprises", queries.enterprises(form.enterpriseIdList())
			.stream()
			.map(e -> new Option(e.id(), e.name(), e.uscc()))
			.toList());
		model.addAttribute("projects", queries.findProjects(form.projectIdList())
			.stream()
			.map(p -> new Option(p.id(), p.name(), p.code()))
			.toList());
		return "merchant/talent/form";
	}
}
