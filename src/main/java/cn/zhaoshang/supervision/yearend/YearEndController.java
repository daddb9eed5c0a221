package cn.zhaoshang.supervision.yearend;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.supervision.observation.FieldProblems;

import org.springframework.context.MessageSource;
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
 * The year-end page (督查 - 年终总结): the year's figures against targets per unit, the quarterly rankings, the
 * observations' results, the commendations and exemptions (the city bureau adds and deletes them) and the download.
 */
@Controller
class YearEndController {

	static final String PAGE = "/supervision/year-end";

	private final YearEndSummaries summaries;
	private final YearEndRecords records;
	private final MessageSource messages;
	private final Clock clock;

	YearEndController(YearEndSummaries summaries, YearEndRecords records, MessageSource messages, Clock clock) {
		this.summaries = summaries;
		this.records = records;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@RequestParam(name = "year", required = false) Integer year, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new cn.zhaoshang.platform.FieldException("year", 400, "observation.rule.year");
		}
		model.addAttribute("page", page(y, user, List.of()));
		return "supervision/year-end";
	}

	@PostMapping(PAGE + "/commendations")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String addCommendation(@RequestParam("year") int year,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "subject", required = false) String subject,
			@RequestParam(name = "reason", required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			Locale locale, Model model, RedirectAttributes redirect) {
		CommendationKind k = null;
		try {
			k = kind == null || kind.isBlank() ? null : CommendationKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			k = null;
		}
		try {
			records.addCommendation(year, k, subject, reason, user);
		}
		catch (InvalidInputException e) {
			model.addAttribute("page", page(year, user, errors(e, locale)));
			return "supervision/year-end";
		}
		Flash.success(redirect, "yearend.flash.saved");
		return "redirect:" + PAGE + "?year=" + year;
	}

	@PostMapping(PAGE + "/exemptions")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String addExemption(@RequestParam("year") int year,
			@RequestParam(name = "person", required = false) String person,
			@RequestParam(name = "matter", required = false) String matter,
			@RequestParam(name = "decision", required = false) String decision,
			@RequestParam(name = "decidedOn", required = false) String decidedOn,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
		LocalDate date = null;
		try {
			date = decidedOn == null || decidedOn.isBlank() ? null : LocalDate.parse(decidedOn.strip());
		}
		catch (DateTimeParseException e) {
			date = null;
		}
		try {
			records.addExemption(year, person, matter, decision, date, user);
		}
		catch (InvalidInputException e) {
			model.addAttribute("page", page(year, user, errors(e, locale)));
			return "supervision/year-end";
		}
		Flash.success(redirect, "yearend.flash.saved");
		return "redirect:" + PAGE + "?year=" + year;
	}

	@PostMapping(PAGE + "/commendations/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String deleteCommendation(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int year = records.commendation(id).year();
		records.deleteCommendation(id, version, user);
		Flash.success(redirect, "yearend.flash.deleted");
		return "redirect:" + PAGE + "?year=" + year;
	}

	@PostMapping(PAGE + "/exemptions/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String deleteExemption(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int year = records.exemption(id).year();
		records.deleteExemption(id, version, user);
		Flash.success(redirect, "yearend.flash.deleted");
		return "redirect:" + PAGE + "?year=" + year;
	}

	private YearEndPage page(int year, CurrentUser user, List<String> errors) {
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - 5; y--) {
			years.add(y);
		}
		if (!years.contains(year)) {
			years.add(year);
		}
		return new YearEndPage(year, years, summaries.of(year), YearEndRecords.mayEdit(user), errors);
	}

	private List<String> errors(InvalidInputException e, Locale locale) {
		return e.violations()
			.stream()
			.map(v -> messages.getMessage("form.fieldError", new Object[] { FieldProblems.label(messages, v.field(),
					locale), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale) }, locale))
			.toList();
	}
}
