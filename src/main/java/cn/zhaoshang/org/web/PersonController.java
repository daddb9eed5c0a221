package cn.zhaoshang.org.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.org.internal.Person;
import cn.zhaoshang.org.internal.PersonForm;
import cn.zhaoshang.org.internal.Unit;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.platform.list.Paging;

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
 * Leaders and staff: everyone inside the government reads; administrators edit all, unit managers their own unit.
 */
@Controller
class PersonController {

	private final People people;
	private final Units units;
	private final DataScopes scopes;
	private final RecordHistory history;
	private final MessageSource messages;

	PersonController(People people, Units units, DataScopes scopes, RecordHistory history, MessageSource messages) {
		this.people = people;
		this.units = units;
		this.scopes = scopes;
		this.history = history;
		this.messages = messages;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/org/people")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) PersonKind kind,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "unit") String sort,
			@RequestParam(defaultValue = "1") int page, Model model) {
		DataScope scope = editScope(user);
		Map<Long, Unit> unitsById = unitsById();
		String needle = q.trim();
		List<PersonRow> rows = people.all()
			.stream()
			.filter(p -> needle.isEmpty() || p.name.contains(needle) || (p.title != null && p.title.contains(needle)))
			.filter(p -> unit == null || unit.equals(p.unitId))
			.filter(p -> kind == null || p.kind == kind)
			.filter(p -> status.isEmpty() || status.equals("active") == p.active)
			.map(p -> new PersonRow(p.id, p.name, p.kind, p.title, unitsById.get(p.unitId).name, p.phone, p.active,
					scope.canEdit(new UnitId(p.unitId))))
			.sorted(comparator(sort, unitsById))
			.toList();
		model.addAttribute("result", Paging.of(rows, page, 50));
		model.addAttribute("q", q);
		model.addAttribute("unit", unit);
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("sort", sort);
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", !editableUnits(scope).isEmpty());
		return "org/people";
	}

	private static Comparator<PersonRow> comparator(String sort, Map<Long, Unit> unitsById) {
		return switch (sort) {
			case "name" -> Comparator.comparing(PersonRow::name);
			case "kind" -> Comparator.comparing(PersonRow::kind).thenComparing(PersonRow::name);
			default -> Comparator.comparing(PersonRow::unitName).thenComparing(PersonRow::kind)
				.thenComparing(PersonRow::name);
		};
	}

	@GetMapping("/org/people/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Person p = people.get(id);
		model.addAttribute("person", p);
		model.addAttribute("unitName", units.get(p.unitId).name);
		model.addAttribute("account", people.accountOf(p));
		model.addAttribute("editable", editScope(user).canEdit(new UnitId(p.unitId)));
		model.addAttribute("history", history.of("person", p.id));
		return "org/person";
	}

	@GetMapping("/org/people/new")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			Model model) {
		Long unitId = unit != null ? unit : user.unitId() == null ? null : user.unitId().value();
		return form(model, user, null, PersonForm.empty(unitId), FormErrors.NONE);
	}

	@PostMapping("/org/people/new")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, user, null, form, FormErrors.of(binding, messages, locale));
		}
		try {
			Person saved = people.create(form, scopes.of(user));
			Flash.success(redirect, "flash.saved");
			return "redirect:/org/people/" + saved.id;
		}
		catch (FieldException e) {
			return form(model, user, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping("/org/people/{id}/edit")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Person p = people.get(id);
		People.requireEditable(p, scopes.of(user));
		return form(model, user, id, PersonForm.of(p, people.accountOf(p)), FormErrors.NONE);
	}

	@PostMapping("/org/people/{id}/edit")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") PersonForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, user, id, form, FormErrors.of(binding, messages, locale));
		}
		try {
			people.update(id, form, scopes.of(user));
			Flash.success(redirect, "flash.saved");
			return "redirect:/org/people/" + id;
		}
		catch (FieldException e) {
			return form(model, user, id, form, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping("/org/people/{id}/deactivate")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		people.setActive(id, false, version, scopes.of(user));
		Flash.success(redirect, "flash.deactivated");
		return "redirect:/org/people/" + id;
	}

	@PostMapping("/org/people/{id}/activate")
	@PreAuthorize(Security.Rules.ADMIN_OR_UNIT_MANAGER)
	String activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		people.setActive(id, true, version, scopes.of(user));
		Flash.success(redirect, "flash.activated");
		return "redirect:/org/people/" + id;
	}

	private String form(Model model, CurrentUser user, Long id, PersonForm form, FormErrors errors) {
		model.addAttribute("personId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", List.of(PersonKind.values()));
		model.addAttribute("positions", List.of(cn.zhaoshang.org.PersonPosition.values()));
		var editable = editableUnits(scopes.of(user));
		model.addAttribute("units", editable);
		model.addAttribute("accounts", people.accountChoices(editable.stream().map(u -> u.id()).toList()));
		return "org/person-form";
	}

	/**
	 * Where the user may change people, for the pages' edit and create buttons: the data scope, but only for the
	 * roles the write endpoints admit ({@link Security.Rules#ADMIN_OR_UNIT_MANAGER}); staff and the city bureau have
	 * an edit scope for other records, not for people.
	 */
	private DataScope editScope(CurrentUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.UNIT_MANAGER) ? scopes.of(user) : DataScope.NONE;
	}

	private List<cn.zhaoshang.platform.UnitSummary> editableUnits(DataScope scope) {
		return units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList();
	}

	private Map<Long, Unit> unitsById() {
		Map<Long, Unit> map = new java.util.HashMap<>();
		units.entities().forEach(u -> map.put(u.id, u));
		return map;
	}
}
