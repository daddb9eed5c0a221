package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.internal.FundsRows;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.RecordFunds;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Funds in place on pages (issue 10): one month of one project (from the project page's funds section), and a
 * unit's monthly grid, all its active projects by one month, saved all or nothing. Editors only, in their data
 * scope: a unit enters its own projects, the city-wide roles any unit's.
 */
@Controller
class FundsController {

	private final ProjectAccess access;
	private final FundsRows rows;
	private final RecordFunds record;
	private final DataScopes scopes;
	private final ReferenceData reference;
	private final MessageSource messages;
	private final Clock clock;

	FundsController(ProjectAccess access, FundsRows rows, RecordFunds record, DataScopes scopes,
			ReferenceData reference, MessageSource messages, Clock clock) {
		this.access = access;
		this.rows = rows;
		this.record = record;
		this.scopes = scopes;
		this.reference = reference;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- one project, one month ----

	@GetMapping("/projects/{id}/funds/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String month, Model model, Locale locale) {
		Project p = access.editable(id, user);
		YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : RecordFunds.month(month);
		var stored = rows.find(id, m).orElse(null);
		var form = stored == null ? new FundsViews.EditForm(m.toString(), null, null, null, null, null, null)
				: new FundsViews.EditForm(m.toString(), FundsViews.plain(stored.fundsInPlace()), FundsViews.plain(stored.outOfProvince()),
						FundsViews.plain(stored.foreignUsed()), FundsViews.plain(stored.fixedAssets()), stored.note(), stored.version());
		FormErrors errors = m.isAfter(YearMonth.now(clock)) ? FormErrors.NONE.with(Map.of("month",
				label("month", "funds.month.future", locale))) : FormErrors.NONE;
		return editPage(model, p, form, stored, errors);
	}

	@PostMapping("/projects/{id}/funds/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") FundsViews.EditForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Project p = access.editable(id, user);
		YearMonth m = RecordFunds.month(form.month());
		var stored = rows.find(id, m).orElse(null);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal in = amount("fundsInPlace", form.fundsInPlace(), errors, locale);
		BigDecimal out = amount("outOfProvince", form.outOfProvince(), errors, locale);
		BigDecimal foreign = amount("foreignUsed", form.foreignUsed(), errors, locale);
		BigDecimal fixed = amount("fixedAssets", form.fixedAssets(), errors, locale);
		if (!errors.isEmpty()) {
			return editPage(model, p, form, stored, FormErrors.NONE.with(errors));
		}
		try {
			record.execute(id, m, new RecordFunds.Input(in, out, foreign, fixed, form.note(), form.version()), user);
		}
		catch (InvalidInputException e) {
			return editPage(model, p, form, stored, errors(e, locale));
		}
		Flash.success(redirect, "funds.flash.saved");
		return "redirect:/projects/" + id + "#funds";
	}

	private String editPage(Model model, Project p, FundsViews.EditForm form, FundsRows.Row stored, FormErrors errors) {
		model.addAttribute("project", p);
		model.addAttribute("form", form);
		model.addAttribute("stored", stored);
		model.addAttribute("errors", errors);
		return "project/funds-edit";
	}

	// ---- a unit's monthly grid ----

	@GetMapping("/funds/grid")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String grid(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String month, Model model) {
		UnitId u = unit(user, unit);
		YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : RecordFunds.month(month);
		var projects = u == null ? List.<FundsRows.GridProject>of() : rows.activeOf(u.value());
		var stored = rows.ofMonth(projects.stream().map(FundsRows.GridProject::id).toList(), m);
		List<FundsViews.GridLine> lines = projects.stream().map(p -> FundsViews.GridLine.of(p, stored.get(p.id()))).toList();
		return gridPage(model, user, u, m, lines, stored.size(), FormErrors.NONE);
	}

	@PostMapping("/funds/grid")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String saveGrid(@AuthenticationPrincipal CurrentUser user, @ModelAttribute FundsGridForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		UnitId u = unit(user, form.getUnit());
		YearMonth m = RecordFunds.month(form.getMonth());
		var projects = u == null ? List.<FundsRows.GridProject>of() : rows.activeOf(u.value());
		Map<Long, FundsRows.GridProject> byId = new HashMap<>();
		projects.forEach(p -> byId.put(p.id(), p));
		var stored = rows.ofMonth(byId.keySet(), m);
		Map<String, String> errors = new LinkedHashMap<>();
		List<RecordFunds.Line> changed = new ArrayList<>();
		List<Integer> changedAt = new ArrayList<>();
		Map<Long, FundsGridForm.Line> posted = new HashMap<>();
		for (int i = 0; i < form.getRows().size(); i++) {
			FundsGridForm.Line l = form.getRows().get(i);
			if (l == null || l.getProjectId() == null || !byId.containsKey(l.getProjectId())) {
				continue;
			}
			posted.put(l.getProjectId(), l);
			var r = stored.get(l.getProjectId());
			if (r == null && l.blank()) {
				continue;
			}
			String at = "rows[" + i + "].";
			BigDecimal in = amount(at, "fundsInPlace", l.getFundsInPlace(), errors, locale);
			BigDecimal out = amount(at, "outOfProvince", l.getOutOfProvince(), errors, locale);
			BigDecimal foreign = amount(at, "foreignUsed", l.getForeignUsed(), errors, locale);
			BigDecimal fixed = amount(at, "fixedAssets", l.getFixedAssets(), errors, locale);
			String note = l.getNote() == null || l.getNote().isBlank() ? null : l.getNote().strip();
			if (r != null && same(r.fundsInPlace(), in) && same(r.outOfProvince(), out)
					&& same(r.foreignUsed(), foreign) && same(r.fixedAssets(), fixed)
					&& Objects.equals(r.note(), note)) {
				continue;
			}
			Integer version = version(l.getVersion());
			changed.add(new RecordFunds.Line(l.getProjectId(), new RecordFunds.Input(in, out, foreign, fixed, note,
					version)));
			changedAt.add(i);
		}
		List<FundsViews.GridLine> lines = projects.stream()
			.map(p -> posted.containsKey(p.id()) ? FundsViews.GridLine.typed(p, stored.get(p.id()), posted.get(p.id()))
					: FundsViews.GridLine.of(p, stored.get(p.id())))
			.toList();
		if (errors.isEmpty() && changed.isEmpty()) {
			Flash.success(redirect, "funds.grid.nothing");
			return "redirect:/funds/grid?unit=" + u.value() + "&month=" + m;
		}
		if (errors.isEmpty()) {
			try {
				record.executeAll(m, changed, user);
				Flash.success(redirect, "funds.grid.saved");
				return "redirect:/funds/grid?unit=" + u.value() + "&month=" + m;
			}
			catch (InvalidInputException e) {
				e.violations().forEach(v -> {
					String field = v.field();
					if (field.startsWith("rows[")) {
						int k = Integer.parseInt(field.substring(5, field.indexOf(']')));
						String name = field.substring(field.indexOf("].") + 2);
						String rule = "version".equals(name) ? "funds.grid.stale" : v.messageKey();
						errors.putIfAbsent("rows[" + changedAt.get(k) + "]." + name,
								label(name, messages.getMessage(rule, v.args(), rule, locale), locale, true));
					}
					else {
						errors.putIfAbsent(field,
								label(field, messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale),
										locale, true));
					}
				});
			}
			catch (OptimisticLockingFailureException e) {
				errors.put("", messages.getMessage("funds.grid.stale", null, locale));
			}
		}
		model.addAttribute("rejected", errors.size());
		// the lines' indexes in the page are the posted ones (the same projects in the same order)
		return gridPage(model, user, u, m, lines, stored.size(), FormErrors.NONE.with(errors));
	}

	private String gridPage(Model model, CurrentUser user, UnitId u, YearMonth m, List<FundsViews.GridLine> lines, int entered,
			FormErrors errors) {
		model.addAttribute("unit", u == null ? null : u.value());
		model.addAttribute("units", reference.editableUnits(user, u == null ? null : u.value()));
		model.addAttribute("cityWide", user.role().isCityWide());
		model.addAttribute("month", m.toString());
		model.addAttribute("maxMonth", YearMonth.now(clock).toString());
		model.addAttribute("lines", lines);
		model.addAttribute("entered", entered);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("rejected")) {
			model.addAttribute("rejected", 0);
		}
		return "project/funds-grid";
	}

	/**
	 * The unit of the grid: a unit's staff their own (another unit they may not edit is refused), the city-wide
	 * roles the one chosen, else the first they may edit.
	 */
	private UnitId unit(CurrentUser user, Long requested) {
		var scope = scopes.of(user);
		if (requested != null) {
			UnitId u = new UnitId(requested);
			if (!scope.canEdit(u)) {
				throw new BusinessException(403, "error.forbidden");
			}
			return u;
		}
		if (user.unitId() != null && scope.canEdit(user.unitId()) && !user.role().isCityWide()) {
			return user.unitId();
		}
		var options = reference.editableUnits(user, null);
		return options.isEmpty() ? null : new UnitId(options.get(0).id());
	}

	private BigDecimal amount(String field, String text, Map<String, String> errors, Locale locale) {
		return amount("", field, text, errors, locale);
	}

	private BigDecimal amount(String prefix, String field, String text, Map<String, String> errors, Locale locale) {
		try {
			Amount a = Amount.parse(text);
			return a == null ? null : a.value();
		}
		catch (BusinessException e) {
			errors.putIfAbsent(prefix + field, label(field, e.messageKey(), locale));
			return null;
		}
	}

	private String label(String field, String ruleKey, Locale locale) {
		return label(field, messages.getMessage(ruleKey, null, ruleKey, locale), locale, true);
	}

	private String label(String field, String rule, Locale locale, boolean resolved) {
		return FormErrors.fieldMessage(messages, field, rule, locale);
	}

	private FormErrors errors(InvalidInputException e, Locale locale) {
		return FormErrors.of(e, messages, locale);
	}

	private static boolean same(BigDecimal stored, BigDecimal typed) {
		return typed == null ? stored == null || stored.signum() == 0 : stored != null && stored.compareTo(typed) == 0;
	}

	private static Integer version(String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

}
