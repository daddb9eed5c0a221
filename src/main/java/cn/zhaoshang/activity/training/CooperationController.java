package cn.zhaoshang.activity.training;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * University and research-institute cooperation (校地合作): the list (search, filters, paging, export), a record's
 * page, the form; and {@code /api/v1/research-cooperations}.
 */
@Tag(name = "Research cooperation")
@Controller
class CooperationController {

	static final String PAGE = "/activity/cooperations";

	private final Cooperations cooperations;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final MessageSource messages;
	private final Clock clock;

	CooperationController(Cooperations cooperations, UnitDirectory units, DataScopes scopes, MessageSource messages,
			Clock clock) {
		this.cooperations = cooperations;
		this.units = units;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	record CooperationList(List<Cooperations.Cooperation> items, long total, int page, int size) {
	}

	@GetMapping("/api/v1/research-cooperations")
	@PreAuthorize(Security.Rules.INTERNAL)
	@ResponseBody
	@Operation(summary = "List university and research-institute cooperation records", operationId = "listCooperations")
	CooperationList apiList(@RequestParam(required = false) String q,
			@RequestParam(required = false) CooperationStatus status, @RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = cooperations.list(new Cooperations.Filter(q, status, unit), Math.max(page, 1),
				PageSizes.forApi(size), false);
		return new CooperationList(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/research-cooperations")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseBody
	@Operation(summary = "Record a cooperation with a university or research institute",
			operationId = "createCooperation")
	@ApiResponse(responseCode = "201", description = "The record; `Location` is its address.")
	ResponseEntity<Cooperations.Cooperation> apiCreate(@AuthenticationPrincipal CurrentUser user,
			@RequestBody Cooperations.Input body) {
		var saved = cooperations.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
			.buildAndExpand(saved.id()).toUri();
		return ResponseEntity.created(location).body(saved);
	}

	@GetMapping("/api/v1/research-cooperations/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@ResponseBody
	@Operation(summary = "Read a cooperation record with its talents", operationId = "getCooperation")
	Cooperations.Cooperation apiOne(@PathVariable long id) {
		return cooperations.get(id);
	}

	@PutMapping("/api/v1/research-cooperations/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseBody
	@Operation(summary = "Replace a cooperation record (version as read, else 409)", operationId = "updateCooperation")
	Cooperations.Cooperation apiUpdate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody Cooperations.Input body) {
		return cooperations.update(id, body, user);
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) CooperationStatus status, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		var filter = new Cooperations.Filter(q, status, unit);
		model.addAttribute("filter", filter);
		model.addAttribute("result", cooperations.list(filter, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("statuses", List.of(CooperationStatus.values()));
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", user.role().isEditor());
		return "activity/cooperations";
	}

	@GetMapping(PAGE + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) CooperationStatus status,
			@RequestParam(required = false) Long unit, Locale locale, HttpServletResponse response) throws IOException {
		String today = LocalDate.now(clock).toString();
		Downloads.xlsx(response, messages.getMessage("cooperation.export.file", new Object[] { today }, locale)
				+ ".xlsx", messages.getMessage("cooperation.export.file", new Object[] { today }, Locale.ENGLISH)
						+ ".xlsx");
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t("cooperation.title", locale));
			styles.headerRow(sheet, List.of(new Column(t("field.institution", locale), 28),
					new Column(t("field.projectName", locale), 30), new Column(t("field.status", locale), 10),
					new Column(t("field.startDate", locale), 12), new Column(t("field.talentIds", locale), 30),
					new Column(t("training.col.unit", locale), 20)));
			int r = 1;
			for (var c : cooperations.list(new Cooperations.Filter(q, status, unit), 1, 20000, false).items()) {
				styles.row(sheet, r++)
					.text(c.institution())
					.text(c.projectName())
					.text(t(c.status().messageKey(), locale))
					.date(c.startDate())
					.text(String.join("\u3001", c.talents().stream().map(Cooperations.Talent::name).toList()))
					.text(c.unitName());
			}
			wb.write(response.getOutputStream());
		}
		finally {
			wb.dispose();
		}
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var c = cooperations.get(id);
		model.addAttribute("c", c);
		model.addAttribute("canEdit", cooperations.canEdit(c.unitId(), user));
		return "activity/cooperation";
	}

	@GetMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(model, user, null, new Cooperations.Input(null, null, CooperationStatus.NEGOTIATING,
				user.unitId() == null ? null : user.unitId().value(), null, List.of(), null, null), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") Cooperations.Input form,
			BindingResult binding, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			cn.zhaoshang.activity.event.Checks.refuseBinding(binding);
			var saved = cooperations.create(form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + saved.id();
		}
		catch (InvalidInputException e) {
			return form(model, user, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var c = cooperations.get(id);
		cn.zhaoshang.activity.event.Checks.requireEditable(scopes.of(user), c.unitId());
		return form(model, user, id, new Cooperations.Input(c.institution(), c.projectName(), c.status(), c.unitId(),
				c.startDate(), c.talents().stream().map(Cooperations.Talent::id).toList(), c.note(), c.version()),
				FormErrors.NONE);
	}

	@PostMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") Cooperations.Input form, BindingResult binding, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			cn.zhaoshang.activity.event.Checks.refuseBinding(binding);
			cooperations.update(id, form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + id;
		}
		catch (InvalidInputException e) {
			return form(model, user, id, form, FormErrors.of(e, messages, locale));
		}
	}

	private String form(Model model, CurrentUser user, Long id, Cooperations.Input form, FormErrors errors) {
		var scope = scopes.of(user);
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", List.of(CooperationStatus.values()));
		model.addAttribute("organisers", units.all().stream().filter(UnitSummary::active)
			.filter(u -> scope.canEdit(u.id())).toList());
		model.addAttribute("talents", cooperations.talentChoices());
		return "activity/cooperation-form";
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
