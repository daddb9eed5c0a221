package cn.zhaoshang.org.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.UnitType;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.org.internal.Unit;
import cn.zhaoshang.org.internal.UnitForm;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.platform.list.Paging;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Units: everyone inside the government reads the list and a unit's page; administrators change them. */
@Controller
class UnitController {

	private final Units units;
	private final People people;
	private final RecordHistory history;
	private final MessageSource messages;

	UnitController(Units units, People people, RecordHistory history, MessageSource messages) {
		this.units = units;
		this.people = people;
		this.history = history;
		this.messages = messages;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/org/units")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) UnitType type,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "order") String sort,
			@RequestParam(defaultValue = "1") int page, Model model) {
		Map<Long, Unit> all = allUnits();
		String needle = q.trim().toLowerCase(Locale.ROOT);
		List<UnitRow> rows = all.values()
			.stream()
			.filter(u -> needle.isEmpty() || u.name.contains(q.trim()) || u.code.contains(needle)
					|| (u.shortName != null && u.shortName.contains(q.trim())))
			.filter(u -> type == null || u.type == type)
			.filter(u -> status.isEmpty() || status.equals("active") == u.active)
			.map(u -> new UnitRow(u.id, u.code, u.name, u.shortName, u.type,
					u.parentId == null ? null : all.get(u.parentId).name, u.region, u.sortOrder, u.active))
			.sorted(comparator(sort))
			.toList();
		model.addAttribute("result", Paging.of(rows, page, 50));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("sort", sort);
		model.addAttribute("types", List.of(UnitType.values()));
		return "org/units";
	}

	private static Comparator<UnitRow> comparator(String sort) {
		return switch (sort) {
			case "name" -> Comparator.comparing(UnitRow::name);
			case "code" -> Comparator.comparing(UnitRow::code);
			case "type" -> Comparator.comparing(UnitRow::type).thenComparingInt(UnitRow::sortOrder);
			default -> Comparator.comparing((UnitRow r) -> !r.active()).thenComparingInt(UnitRow::sortOrder)
				.thenComparing(UnitRow::name);
		};
	}

	@GetMapping("/org/units/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@PathVariable long id, Model model) {
		Unit u = units.get(id);
		model.addAttribute("unit", u);
		model.addAttribute("parentName", u.parentId == null ? null : units.get(u.parentId).name);
		model.addAttribute("children", allUnits().values().stream().filter(c -> u.id.equals(c.parentId))
			.sorted(Comparator.comparingInt((Unit c) -> c.sortOrder)).toList());
		model.addAttribute("people", people.all().stream().filter(p -> u.id.equals(p.unitId))
			.sorted(Comparator.comparing((cn.zhaoshang.org.internal.Person p) -> p.kind).thenComparing(p -> p.name))
			.toList());
		model.addAttribute("history", history.of("unit", u.id));
		return "org/unit";
	}

	@GetMapping("/org/units/new")
	@PreAuthorize(Security.Rules.ADMIN)
	String createForm(@RequestParam(required = false) Long parent, Model model) {
		UnitForm form = UnitForm.empty();
		if (parent != null) {
			form = new UnitForm("", "", "", UnitType.COUNTY, parent, "", "", "", 0, false, null);
		}
		return form(model, null, form, FormErrors.NONE);
	}

	@PostMapping("/org/units/new")
	@PreAuthorize(Security.Rules.ADMIN)
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, null, form, FormErrors.of(binding, messages, locale));
		}
		try {
			Unit saved = units.create(form);
			Flash.success(redirect, "flash.saved");
			return "redirect:/org/units/" + saved.id;
		}
		catch (FieldException e) {
			return form(model, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping("/org/units/{id}/edit")
	@PreAuthorize(Security.Rules.ADMIN)
	String editForm(@PathVariable long id, Model model) {
		return form(model, id, UnitForm.of(units.get(id)), FormErrors.NONE);
	}

	@PostMapping("/org/units/{id}/edit")
	@PreAuthorize(Security.Rules.ADMIN)
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult binding,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, id, form, FormErrors.of(binding, messages, locale));
		}
		try {
			units.update(id, form);
			Flash.success(redirect, "flash.saved");
			return "redirect:/org/units/" + id;
		}
		catch (FieldException e) {
			return form(model, id, form, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping("/org/units/{id}/deactivate")
	@PreAuthorize(Security.Rules.ADMIN)
	String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		units.setActive(id, false, version);
		Flash.success(redirect, "flash.deactivated");
		return "redirect:/org/units/" + id;
	}

	@PostMapping("/org/units/{id}/activate")
	@PreAuthorize(Security.Rules.ADMIN)
	String activate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		units.setActive(id, true, version);
		Flash.success(redirect, "flash.activated");
		return "redirect:/org/units/" + id;
	}

	private String form(Model model, Long id, UnitForm form, FormErrors errors) {
		model.addAttribute("unitId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", List.of(UnitType.values()));
		model.addAttribute("parents",
				units.all().stream().filter(UnitSummary::active).filter(u -> id == null || u.id().value() != id)
					.toList());
		return "org/unit-form";
	}

	private Map<Long, Unit> allUnits() {
		return units.entities().stream()
			.collect(Collectors.toMap(u -> u.id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
	}
}
