package cn.zhaoshang.platform.user;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
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

/** Administrators manage accounts: list with search and filters, create, edit, deactivate, unlock. */
@Controller
@PreAuthorize(Security.Rules.ADMIN)
class UserAdminController {

	private final UserManagement users;
	private final UnitDirectory units;
	private final RecordHistory history;
	private final MessageSource messages;
	private final Clock clock;

	UserAdminController(UserManagement users, UnitDirectory units, RecordHistory history, MessageSource messages,
			Clock clock) {
		this.clock = clock;
		this.users = users;
		this.units = units;
		this.history = history;
		this.messages = messages;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "username") String sort, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Map<Long, String> unitNames = unitNames();
		var now = clock.instant();
		String needle = q.trim().toLowerCase(Locale.ROOT);
		List<UserRow> rows = users.all()
			.stream()
			.filter(u -> needle.isEmpty() || u.username.toLowerCase(Locale.ROOT).contains(needle)
					|| u.displayName.toLowerCase(Locale.ROOT).contains(needle))
			.filter(u -> role == null || u.role == role)
			.filter(u -> unit == null || unit.equals(u.unitId))
			.filter(u -> status.isEmpty() || (status.equals("active") == u.enabled))
			.map(u -> new UserRow(u.id, u.username, u.displayName, u.role, unitNames.get(u.unitId), u.enabled,
					u.lockedAt(now), u.lastLoginAt))
			.sorted(comparator(sort))
			.toList();
		model.addAttribute("result", Paging.of(rows, page, 20));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("unit", unit);
		model.addAttribute("status", status);
		model.addAttribute("sort", sort);
		model.addAttribute("units", units.all());
		return "platform/users";
	}

	private static Comparator<UserRow> comparator(String sort) {
		return switch (sort) {
			case "name" -> Comparator.comparing(UserRow::displayName);
			case "role" -> Comparator.comparing(UserRow::role).thenComparing(UserRow::username);
			case "unit" -> Comparator.comparing((UserRow r) -> r.unitName() == null ? "" : r.unitName())
				.thenComparing(UserRow::username);
			case "lastLogin" -> Comparator.comparing(UserRow::lastLoginAt,
					Comparator.nullsLast(Comparator.reverseOrder()));
			default -> Comparator.comparing(UserRow::username);
		};
	}

	@GetMapping("/admin/users/new")
	String createForm(Model model) {
		return form(model, null, UserForm.empty(), FormErrors.NONE);
	}

	@PostMapping("/admin/users/new")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			// Show the account rules too, so the user fixes everything in one round.
			var more = users.violations(form, true);
			var errors = FormErrors.of(binding, messages, locale);
			if (!more.isEmpty()) {
				errors = errors.with(FormErrors.of(new InvalidInputException(more), messages, locale).byField());
			}
			return form(model, null, form, errors);
		}
		try {
			var saved = users.create(form);
			Flash.success(redirect, "flash.saved");
			return "redirect:/admin/users/" + saved.id;
		}
		catch (FieldException e) {
			return form(model, null, form, FormErrors.of(e, messages, locale));
		}
		catch (InvalidInputException e) {
			return form(model, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping("/admin/users/{id}")
	String show(@PathVariable long id, Model model) {
		User u = users.get(id);
		model.addAttribute("user", UserForm.of(u));
		model.addAttribute("userId", u.id);
		model.addAttribute("enabled", u.enabled);
		model.addAttribute("locked", u.lockedAt(clock.instant()));
		model.addAttribute("lastLoginAt", u.lastLoginAt);
		model.addAttribute("unitName", u.unitId == null ? null : unitNames().get(u.unitId));
		model.addAttribute("history", history.of("user", u.id));
		return "platform/user";
	}

	@GetMapping("/admin/users/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		User u = users.get(id);
		return form(model, u.id, UserForm.of(u), FormErrors.NONE);
	}

	@PostMapping("/admin/users/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult binding,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			// Show the account rules too, so the user fixes everything in one round.
			var more = users.violations(form, false);
			var errors = FormErrors.of(binding, messages, locale);
			if (!more.isEmpty()) {
				errors = errors.with(FormErrors.of(new InvalidInputException(more), messages, locale).byField());
			}
			return form(model, id, form, errors);
		}
		try {
			users.update(id, form);
			Flash.success(redirect, "flash.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (FieldException e) {
			return form(model, id, form, FormErrors.of(e, messages, locale));
		}
		catch (InvalidInputException e) {
			return form(model, id, form, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		users.setEnabled(id, false, version);
		Flash.success(redirect, "flash.deactivated");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/activate")
	String activate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		users.setEnabled(id, true, version);
		Flash.success(redirect, "flash.activated");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		users.unlock(id);
		Flash.success(redirect, "flash.unlocked");
		return "redirect:/admin/users/" + id;
	}

	private String form(Model model, Long id, UserForm form, FormErrors errors) {
		model.addAttribute("userId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("roles", List.of(Role.values()));
		return "platform/user-form";
	}

	private Map<Long, String> unitNames() {
		Map<Long, String> names = new java.util.HashMap<>();
		units.all().forEach(u -> names.put(u.id().value(), u.name()));
		return names;
	}
}
