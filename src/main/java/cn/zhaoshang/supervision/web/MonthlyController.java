package cn.zhaoshang.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.internal.MonthlyNotifications;
import cn.zhaoshang.supervision.internal.TripTally;
import cn.zhaoshang.supervision.internal.MonthlyNotifications.Notification;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The monthly notification pages: the months of a year with their status, and a month's page with the
 * bureau's editable text, the figures and ranking it prints, the downloads, publishing (asks first) and the
 * corrections recorded since. Every internal role with a part in the cycle reads; the city bureau writes.
 */
@Controller
class MonthlyController {

	static final String PAGE = "/supervision/monthly";

	private final MonthlyNotifications monthly;
	private final Publications publications;
	private final MessageSource messages;
	private final Clock clock;

	MonthlyController(MonthlyNotifications monthly, Publications publications, MessageSource messages, Clock clock) {
		this.monthly = monthly;
		this.publications = publications;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	String list(@RequestParam(name = "year", required = false) Integer year, Model model) {
		int now = LocalDate.now(clock).getYear();
		int y = year == null || year < 2000 || year > now ? now : year;
		List<Integer> years = new ArrayList<>();
		for (int i = now; i >= Math.max(2000, now - 5); i--) {
			years.add(i);
		}
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("months", monthly.year(y));
		return "supervision/monthly-list";
	}

	@GetMapping(PAGE + "/{month}")
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	String page(@PathVariable String month, @AuthenticationPrincipal CurrentUser user, Model model) {
		ReportingPeriod period = MonthlyApiController.month(month);
		model.addAttribute("page", page(period, user, null, List.of()));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/monthly";
	}

	@PostMapping(PAGE + "/{month}/draft")
	@PreAuthorize(MonthlyApiController.WRITER)
	String start(@PathVariable String month, Locale locale, RedirectAttributes redirect) {
		ReportingPeriod period = MonthlyApiController.month(month);
		monthly.draft(period, locale);
		Flash.success(redirect, "monthly.started");
		return "redirect:" + PAGE + "/" + period;
	}

	@PostMapping(PAGE + "/{month}")
	@PreAuthorize(MonthlyApiController.WRITER)
	String save(@PathVariable String month, @RequestParam(defaultValue = "") String docTitle,
			@RequestParam(defaultValue = "") String docNumber, @RequestParam(defaultValue = "") String docDate,
			@RequestParam(defaultValue = "") String opening, @RequestParam(defaultValue = "") String closing,
			@RequestParam(defaultValue = "-1") int version, @AuthenticationPrincipal CurrentUser user, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ReportingPeriod period = MonthlyApiController.month(month);
		var form = new MonthlyPage.Form(docTitle, docNumber, docDate, opening, closing, version);
		LocalDate date = null;
		try {
			date = docDate.isBlank() ? null : LocalDate.parse(docDate.strip());
		}
		catch (DateTimeParseException e) {
			return refused(period, user, form, List.of(messages.getMessage("form.fieldError", new Object[] {
					label("docDate", locale), messages.getMessage("monthly.error.date.format", null, locale) },
					locale)), model, response, 422);
		}
		try {
			monthly.edit(period, new MonthlyNotifications.Edit(docTitle, docNumber, date, opening, closing, version));
			Flash.success(redirect, "monthly.saved");
			return "redirect:" + PAGE + "/" + period;
		}
		catch (InvalidInputException e) {
			List<String> errors = e.violations().stream()
				.map(v -> messages.getMessage("form.fieldError", new Object[] { label(v.field(), locale),
						messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale) }, locale))
				.toList();
			return refused(period, user, form, errors, model, response, 422);
		}
		catch (OptimisticLockingFailureException e) {
			return refused(period, user, null, List.of(messages.getMessage("error.conflict", null, locale)), model,
					response, 409);
		}
	}

	@PostMapping(PAGE + "/{month}/publish")
	@PreAuthorize(MonthlyApiController.WRITER)
	String publish(@PathVariable String month, @RequestParam(defaultValue = "-1") int version,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ReportingPeriod period = MonthlyApiController.month(month);
		try {
			monthly.publish(period, version, user, locale);
			Flash.success(redirect, "monthly.publishedNow");
			return "redirect:" + PAGE + "/" + period;
		}
		catch (InvalidInputException e) {
			List<String> errors = e.violations().stream()
				.map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
				.toList();
			return refused(period, user, null, errors, model, response, 422);
		}
		catch (OptimisticLockingFailureException e) {
			return refused(period, user, null, List.of(messages.getMessage("error.conflict", null, locale)), model,
					response, 409);
		}
		catch (BusinessException e) {
			if (e.status() != 409) {
				throw e;
			}
			return refused(period, user, null,
					List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)), model, response,
					409);
		}
	}

	private String refused(ReportingPeriod period, CurrentUser user, MonthlyPage.Form form, List<String> errors,
			Model model, HttpServletResponse response, int status) {
		response.setStatus(status);
		model.addAttribute("page", page(period, user, form, errors));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/monthly";
	}

	private String label(String field, Locale locale) {
		return messages.getMessage("field." + field, null, field, locale);
	}

	private MonthlyPage page(ReportingPeriod period, CurrentUser user, MonthlyPage.Form typed, List<String> errors) {
		var n = monthly.find(period);
		MonthlyPage.Form form = typed != null ? typed
				: n.map(MonthlyController::form).orElse(new MonthlyPage.Form("", "", "", "", "", 0));
		boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_SUPERVISOR);
		var corrections = n.map(Notification::publicationId).map(publications::corrections).orElse(List.of());
		return new MonthlyPage(period, n, editor, monthly.pdfAvailable(), monthly.figures(period),
				monthly.ranking(period), monthly.stalled(period), TripTally.of(monthly.trips(period)), corrections, form,
				errors);
	}

	private static MonthlyPage.Form form(Notification n) {
		return new MonthlyPage.Form(n.title(), n.number() == null ? "" : n.number(), n.date().toString(),
				n.opening() == null ? "" : n.opening(), n.closing() == null ? "" : n.closing(), n.version());
	}
}
