package cn.zhaoshang.supervision.ranking;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.supervision.ReportingPeriod;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ranking pages (supervision, quarterly ranking): the list with the compute form, a ranking (places, scores, each unit's score
 * line by line, drill-down links, publish with confirmation, Excel export), the drill-down of one value, and the
 * formula editor with its version history.
 */
@Controller
class RankingController {

	static final String PAGE = "/supervision/rankings";

	static final String FORMULA = "/supervision/ranking-formula";

	private final Rankings rankings;
	private final Formulas formulas;
	private final RankingDrillDown drillDown;
	private final RankingExport export;
	private final MessageSource messages;

	RankingController(Rankings rankings, Formulas formulas, RankingDrillDown drillDown, RankingExport export,
			MessageSource messages) {
		this.rankings = rankings;
		this.formulas = formulas;
		this.drillDown = drillDown;
		this.export = export;
		this.messages = messages;
	}

	/** The quarters offered by the compute form: this one and the seven before, the latest first. */
	static List<String> quarters(java.time.LocalDate today) {
		List<String> out = new ArrayList<>();
		int y = today.getYear();
		int q = (today.getMonthValue() - 1) / 3 + 1;
		for (int i = 0; i < 8; i++) {
			out.add(y + "-Q" + q);
			if (--q == 0) {
				q = 4;
				y--;
			}
		}
		return out;
	}

	@GetMapping(PAGE)
	@PreAuthorize(RankingApiController.READER)
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		return list(user, model, FormErrors.NONE, null);
	}

	private String list(CurrentUser user, Model model, FormErrors errors, String quarter) {
		model.addAttribute("rankings", rankings.list(user));
		model.addAttribute("canCompute", Rankings.seesDrafts(user));
		model.addAttribute("quarters", quarters(java.time.LocalDate.now()));
		model.addAttribute("quarter", quarter);
		model.addAttribute("errors", errors);
		return "supervision/rankings";
	}

	@PostMapping(PAGE)
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String compute(@RequestParam(name = "quarter", required = false) String quarter,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ReportingPeriod q;
		try {
			q = rankings.quarter(quarter);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return list(user, model, FormErrors.of(e, messages, locale), quarter);
		}
		long id = rankings.compute(q, user.getUsername());
		Flash.success(redirect, "ranking.computed");
		return "redirect:" + PAGE + "/" + id;
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(RankingApiController.READER)
	String one(@PathVariable long id, @RequestParam(name = "unit", required = false) Long unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var ranking = rankings.find(id, user);
		model.addAttribute("ranking", ranking);
		model.addAttribute("selected", unit == null ? null : ranking.row(unit).orElse(null));
		model.addAttribute("formula", formulas.of(ranking.summary().formulaVersion()));
		model.addAttribute("canPublish", Rankings.seesDrafts(user) && ranking.summary().status() == Rankings.Status.DRAFT);
		model.addAttribute("corrections", rankings.corrections(ranking.summary().id()));
		return "supervision/ranking";
	}

	@PostMapping(PAGE + "/{id}/publish")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String publish(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		rankings.publish(id, version == null ? -1 : version, user);
		Flash.success(redirect, "ranking.published");
		return "redirect:" + PAGE + "/" + id;
	}

	@GetMapping(PAGE + "/{id}/export.xlsx")
	@PreAuthorize(RankingApiController.READER)
	void download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		var ranking = rankings.find(id, user);
		Downloads.xlsx(response, export.fileName(ranking, locale), export.fileName(ranking, Locale.ENGLISH));
		export.write(ranking, locale, response.getOutputStream());
	}

	@GetMapping(PAGE + "/{id}/drill-down")
	@PreAuthorize(RankingApiController.READER)
	String drill(@PathVariable long id, @RequestParam("unit") long unit, @RequestParam("criterion") String criterion,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var ranking = rankings.find(id, user);
		RankingCriterion c = RankingCriterion.byName(criterion)
			.orElseThrow(() -> new InvalidInputException(List.of(new Violation("criterion", "ranking.validation.criterion"))));
		var row = ranking.row(unit)
			.orElseThrow(() -> new InvalidInputException(List.of(new Violation("unitId", "ranking.validation.unit"))));
		model.addAttribute("ranking", ranking);
		model.addAttribute("row", row);
		model.addAttribute("part", row.parts().stream().filter(p -> p.criterion() == c).findFirst().orElse(null));
		model.addAttribute("result", drillDown.of(ReportingPeriod.parse(ranking.summary().quarter()), unit, c));
		return "supervision/ranking-drilldown";
	}

	@GetMapping(FORMULA)
	@PreAuthorize(RankingApiController.READER)
	String formula(@RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Formula current = formulas.current();
		Formula shown = version == null ? current : formulas.of(version);
		return formulaPage(model, user, current, shown, RankingFormulaForm.of(shown), FormErrors.NONE);
	}

	private String formulaPage(Model model, CurrentUser user, Formula current, Formula shown, RankingFormulaForm form,
			FormErrors errors) {
		model.addAttribute("current", current);
		model.addAttribute("shown", shown);
		model.addAttribute("versions", formulas.versions());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canEdit", Rankings.seesDrafts(user) && shown.version() == current.version());
		return "supervision/ranking-formula";
	}

	@PostMapping(FORMULA)
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String saveFormula(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		RankingFormulaForm form = RankingFormulaForm.read(params);
		List<Violation> typed = form.typingProblems();
		try {
			if (!typed.isEmpty()) {
				throw new InvalidInputException(typed);
			}
			formulas.save(form.criteria(), form.note(), form.basedOn(), user.getUsername());
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			Formula current = formulas.current();
			return formulaPage(model, user, current, current, form,
					FormErrors.of(form.relabel(e), messages, locale));
		}
		catch (BusinessException e) {
			if (e.status() != 409) {
				throw e;
			}
			response.setStatus(409);
			Formula current = formulas.current();
			return formulaPage(model, user, current, current, form, FormErrors.NONE.with(java.util.Map.of("basedOn",
					messages.getMessage(e.messageKey(), e.args(), locale))));
		}
		Flash.success(redirect, "ranking.formula.saved");
		return "redirect:" + FORMULA;
	}

	/** For the template: a percentage criterion's maximum points, or the weight of a count. */
	static BigDecimal max(Formula.Criterion c) {
		return c.cap() == null ? null : Scoring.points(c, c.cap()).abs();
	}
}
