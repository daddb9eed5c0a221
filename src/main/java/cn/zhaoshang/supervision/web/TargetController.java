package cn.zhaoshang.supervision.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.ImportPage;
import cn.zhaoshang.platform.web.ImportPages;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.internal.SetTargets;
import cn.zhaoshang.supervision.internal.TargetExport;
import cn.zhaoshang.supervision.internal.TargetImport;
import cn.zhaoshang.supervision.internal.TargetQueries;
import cn.zhaoshang.supervision.internal.TargetRules;
import cn.zhaoshang.supervision.internal.TargetValues;
import cn.zhaoshang.supervision.internal.TargetYears;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The targets page of a year (督查 - 年度目标): a grid of units and indicators with the city total, a form for the
 * city bureau (saved all or nothing, each refused cell marked) and read-only for every other internal role; copy
 * from last year, the Excel export, and the Excel import on the platform's import page.
 */
@Controller
class TargetController {

	static final String PAGE = "/supervision/targets";

	private final TargetQueries queries;
	private final SetTargets targets;
	private final TargetYears years;
	private final TargetExport export;
	private final TargetImport imports;
	private final ImportPages importPages;
	private final MessageSource messages;

	TargetController(TargetQueries queries, SetTargets targets, TargetYears years, TargetExport export,
			TargetImport imports, ImportPages importPages, MessageSource messages) {
		this.queries = queries;
		this.targets = targets;
		this.years = years;
		this.export = export;
		this.imports = imports;
		this.importPages = importPages;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@RequestParam(name = "year", required = false) Integer year,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		int y = years.require(year, 400);
		model.addAttribute("grid", stored(y, SetTargets.mayEdit(user), null));
		return "supervision/targets";
	}

	@PostMapping(PAGE)
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String save(@RequestParam("year") int year, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		years.require(year, 422);
		var current = queries.forYear(year);
		List<SetTargets.Change> changes = new ArrayList<>();
		List<Violation> problems = new ArrayList<>();
		Map<Long, Map<String, String>> typed = new LinkedHashMap<>();
		for (var line : current.lines()) {
			Map<String, String> cells = new LinkedHashMap<>();
			Map<TargetIndicator, BigDecimal> values = new EnumMap<>(TargetIndicator.class);
			int before = problems.size();
			for (TargetIndicator i : TargetIndicator.values()) {
				String text = form.getFirst(TargetGrid.name(line.unitId(), i));
				text = text == null ? "" : text.strip();
				cells.put(i.field(), text);
				if (text.isEmpty()) {
					continue;
				}
				try {
					values.put(i, parse(text));
				}
				catch (BusinessException e) {
					problems.add(new Violation(line.unitId() + "." + i.field(), e.messageKey(), e.args()));
				}
			}
			typed.put(line.unitId(), cells);
			var parsed = new TargetValues(values);
			for (Violation v : TargetRules.check(parsed)) {
				String key = line.unitId() + "." + v.field();
				if (problems.subList(before, problems.size()).stream().noneMatch(p -> p.field().equals(key))) {
					problems.add(new Violation(key, v.messageKey(), v.args()));
				}
			}
			changes.add(new SetTargets.Change(line.unitId(), parsed, version(form.getFirst("v_" + line.unitId()))));
		}
		try {
			if (problems.isEmpty()) {
				targets.setAll(year, changes, user);
				Flash.success(redirect, "supervision.targets.saved");
				return "redirect:" + PAGE + "?year=" + year;
			}
		}
		catch (InvalidInputException e) {
			problems.addAll(e.violations());
		}
		catch (OptimisticLockingFailureException e) {
			response.setStatus(409);
			model.addAttribute("grid", stored(year, true, messages.getMessage("error.conflict", null, locale)));
			return "supervision/targets";
		}
		model.addAttribute("grid", refused(year, current, typed, problems, locale));
		return "supervision/targets";
	}

	@PostMapping(PAGE + "/copy")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String copy(@RequestParam("year") int year, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		int copied = targets.copyFromLastYear(year, user);
		Flash.success(redirect, copied == 0 ? "supervision.targets.copiedNone" : "supervision.targets.copied");
		return "redirect:" + PAGE + "?year=" + year;
	}

	@GetMapping(PAGE + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportYear(@RequestParam(name = "year", required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		int y = years.require(year, 400);
		Downloads.xlsx(response, export.fileName(y, locale), export.fileName(y, Locale.ENGLISH));
		export.write(y, response.getOutputStream());
	}

	@GetMapping(PAGE + "/import")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String importPage(@RequestParam(name = "year", required = false) Integer year, Model model) {
		return importPages.show(importPage(years.require(year, 400)), model);
	}

	@PostMapping(PAGE + "/import")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String upload(@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		int y = years.require(year, 400);
		return importPages.upload(importPage(y), file, bytes -> imports.execute(y, bytes, user), locale, model,
				redirect);
	}

	@GetMapping(PAGE + "/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, imports.templateFileName(locale), imports.templateFileName(Locale.ENGLISH));
		imports.template(response.getOutputStream());
	}

	static ImportPage importPage(int year) {
		return new ImportPage("supervision.import.title",
				List.of("supervision.import.rule1", "supervision.import.rule2", "supervision.import.rule3",
						"supervision.import.rule4"),
				"supervision.import.done", PAGE + "?year=" + year, "supervision.import.toList",
				PAGE + "/import?year=" + year, PAGE + "/import/template.xlsx");
	}

	/** The version a row was shown with; a tampered one is treated as stale (a conflict, nothing saved). */
	static Integer version(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/** A typed figure: full-width digits and thousands separators accepted; else the rule it breaks. */
	static BigDecimal parse(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "");
		try {
			return new BigDecimal(s);
		}
		catch (NumberFormatException e) {
			throw new BusinessException(Amount.NOT_A_NUMBER);
		}
	}

	private TargetGrid stored(int year, boolean editable, String failure) {
		var data = queries.forYear(year);
		List<TargetGrid.Row> rows = data.lines()
			.stream()
			.map(l -> new TargetGrid.Row(l.unitId(), l.unitName(), TargetGrid.cells(l.values(), !editable),
					l.version()))
			.toList();
		return new TargetGrid(year, yearChoices(year), editable, rows, TargetGrid.cells(data.totals(), true),
				Map.of(), List.of(), failure);
	}

	private TargetGrid refused(int year, TargetQueries.YearTargets data, Map<Long, Map<String, String>> typed,
			List<Violation> problems, Locale locale) {
		Map<Long, String> names = new LinkedHashMap<>();
		data.lines().forEach(l -> names.put(l.unitId(), l.unitName()));
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		for (Violation v : problems) {
			String rule = messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale);
			if (errors.putIfAbsent(v.field(), rule) != null) {
				continue;
			}
			int dot = v.field().indexOf('.');
			String unit = dot < 0 ? "" : names.getOrDefault(Long.valueOf(v.field().substring(0, dot)), "");
			String field = dot < 0 ? v.field() : v.field().substring(dot + 1);
			String label = messages.getMessage("supervision.field." + field, null, field, locale);
			lines.add(messages.getMessage("supervision.targets.cellError", new Object[] { unit, label, rule },
					locale));
		}
		List<TargetGrid.Row> rows = data.lines()
			.stream()
			.map(l -> new TargetGrid.Row(l.unitId(), l.unitName(), typed.getOrDefault(l.unitId(), Map.of()),
					l.version()))
			.toList();
		return new TargetGrid(year, yearChoices(year), true, rows, TargetGrid.cells(data.totals(), true), errors,
				lines, null);
	}

	private List<Integer> yearChoices(int year) {
		List<Integer> choices = new ArrayList<>();
		for (int y = years.last(); y >= Math.max(TargetYears.FIRST, years.current() - 5); y--) {
			choices.add(y);
		}
		if (!choices.contains(year)) {
			choices.add(year);
		}
		return choices;
	}
}
