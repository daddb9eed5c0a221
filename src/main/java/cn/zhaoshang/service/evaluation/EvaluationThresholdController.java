package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evaluation thresholds page (issue 14, clause XVI): the city default and, for every county, district and
 * park/zone, the thresholds that apply to its projects (its own where set, else the city default's, shown as
 * such); the city bureau edits one unit's (or the default) at the version read, every change audited and shown in
 * the row's history.
 */
@Controller
class EvaluationThresholdController {

	static final String PAGE = "/evaluation-thresholds";

	private final Evaluations evaluations;
	private final JdbcClient jdbc;
	private final RecordHistory history;
	private final MessageSource messages;

	EvaluationThresholdController(Evaluations evaluations, JdbcClient jdbc, RecordHistory history,
			MessageSource messages) {
		this.evaluations = evaluations;
		this.jdbc = jdbc;
		this.history = history;
		this.messages = messages;
	}

	/** Evaluation thresholds in the projects group of the navigation, for everyone inside the government. */
	@Configuration(proxyBeanMethods = false)
	static class Nav {

		@Bean
		NavItem navEvaluationThresholds() {
			return new NavItem("nav.group.projects", "nav.evaluationThresholds", PAGE, 745,
					Role.where(Role::isInternal));
		}
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		Map<Long, Evaluations.ThresholdRow> own = new HashMap<>();
		Evaluations.ThresholdRow city = null;
		for (Evaluations.ThresholdRow r : evaluations.thresholds()) {
			if (r.unitId() == null) {
				city = r;
			}
			else {
				own.put(r.unitId(), r);
			}
		}
		List<ThresholdForm.Line> lines = new ArrayList<>();
		for (var u : units()) {
			lines.add(new ThresholdForm.Line(u.id(), u.name(), own.get(u.id())));
		}
		model.addAttribute("city", city);
		model.addAttribute("lines", lines);
		model.addAttribute("canEdit", editor(user));
		return "service/evaluation-thresholds";
	}

	@GetMapping(PAGE + "/edit")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String edit(@RequestParam(required = false) Long unit, Model model) {
		String name = unitName(unit);
		return form(model, unit, name, ThresholdForm.of(unit, evaluations.threshold(unit)), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/edit")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String save(@RequestParam(required = false) Long unit, @RequestParam(required = false) String minInvestmentPerMu,
			@RequestParam(required = false) String minTaxPerMu,
			@RequestParam(required = false) String maxEnergyPerOutput,
			@RequestParam(required = false) String minJobs,
			@RequestParam(required = false) List<String> conditionalCategories,
			@RequestParam(defaultValue = "false") boolean requiredBeforeSigning,
			@RequestParam(required = false) Integer version, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		String name = unitName(unit);
		ThresholdForm form = new ThresholdForm(unit, minInvestmentPerMu, minTaxPerMu, maxEnergyPerOutput, minJobs,
				conditionalCategories == null ? List.of() : conditionalCategories, requiredBeforeSigning, version);
		List<Violation> v = new ArrayList<>();
		BigDecimal inv = number(v, "minInvestmentPerMu", minInvestmentPerMu);
		BigDecimal tax = number(v, "minTaxPerMu", minTaxPerMu);
		BigDecimal energy = number(v, "maxEnergyPerOutput", maxEnergyPerOutput);
		Integer jobs = null;
		if (minJobs != null && !minJobs.isBlank()) {
			try {
				jobs = Integer.valueOf(minJobs.strip());
			}
			catch (NumberFormatException e) {
				v.add(new Violation("minJobs", "evaluation.validation.jobs"));
			}
		}
		Set<EnvCategory> cats = EnumSet.noneOf(EnvCategory.class);
		for (String c : form.conditionalCategories()) {
			try {
				cats.add(EnvCategory.valueOf(c));
			}
			catch (IllegalArgumentException e) {
				v.add(new Violation("conditionalCategories", "validation.unknown"));
			}
		}
		var input = new Evaluations.ThresholdInput(unit, inv, tax, energy, jobs, cats, requiredBeforeSigning, version);
		try {
			if (!v.isEmpty()) {
				// the numbers that were read are checked too, so that the form names every wrong field at once
				v.addAll(evaluations.check(input));
				throw new InvalidInputException(v);
			}
			evaluations.setThresholds(input);
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return form(model, unit, name, form, FormErrors.of(e, messages, locale));
		}
		catch (OptimisticLockingFailureException e) {
			response.setStatus(409);
			return form(model, unit, name, form, FormErrors.NONE.with(Map.of("version",
					messages.getMessage("error.conflict", null, locale))));
		}
		Flash.success(redirect, "evaluation.thresholds.saved");
		return "redirect:" + PAGE;
	}

	private String form(Model model, Long unit, String unitName, ThresholdForm form, FormErrors errors) {
		Optional<Evaluations.ThresholdRow> row = evaluations.threshold(unit);
		model.addAttribute("unitName", unitName);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("current", row.orElse(null));
		model.addAttribute("city", unit == null ? null : evaluations.threshold(null).orElse(null));
		model.addAttribute("categories", List.of(EnvCategory.values()));
		model.addAttribute("history", history.of(Evaluations.RECORD, unit == null ? 0L : unit));
		return "service/evaluation-threshold-form";
	}

	private static BigDecimal number(List<Violation> v, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			v.add(new Violation(field, "validation.number"));
			return null;
		}
	}

	private static boolean editor(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR;
	}

	private record UnitRow(long id, String name) {
	}

	/** The units whose projects are evaluated: counties, districts and parks/zones, in unit order. */
	private List<UnitRow> units() {
		return jdbc.sql("SELECT id, name FROM unit WHERE type IN ('COUNTY', 'ZONE') ORDER BY sort_order, id")
			.query((rs, n) -> new UnitRow(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The unit's name (null for the city default); 404 for an unknown unit. */
	private String unitName(Long unit) {
		if (unit == null) {
			return null;
		}
		return jdbc.sql("SELECT name FROM unit WHERE id = :u").param("u", unit)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}
}
