package cn.zhaoshang.supervision.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.supervision.internal.WeeklyCompiler;
import cn.zhaoshang.supervision.internal.WeeklyExport;
import cn.zhaoshang.supervision.internal.WeeklyKey;
import cn.zhaoshang.supervision.internal.WeeklyPublisher;
import cn.zhaoshang.supervision.internal.WeeklyQueries;

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
 * The weekly dynamics pages (supervision - weekly dynamics): the list of weeks (drafts only for the city bureau), a
 * week with its per-unit tables, the bureau's note, compile and publish (with a confirmation), and the Excel export.
 */
@Controller
class WeeklyController {

	static final String PAGE = "/supervision/weekly";

	static final String ERROR = "weeklyError";

	static final String ERROR_ARGS = "weeklyErrorArgs";

	private final WeeklyQueries queries;
	private final WeeklyCompiler compiler;
	private final WeeklyPublisher publisher;
	private final WeeklyExport export;

	WeeklyController(WeeklyQueries queries, WeeklyCompiler compiler, WeeklyPublisher publisher, WeeklyExport export) {
		this.queries = queries;
		this.compiler = compiler;
		this.publisher = publisher;
		this.export = export;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@RequestParam(name = "page", required = false) String page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("page", new WeeklyPage.List(queries.list(user, PageSizes.page(page), 20),
				WeeklyQueries.seesDrafts(user), compiler.lastWeek().toString()));
		return "supervision/weekly-list";
	}

	@PostMapping(PAGE + "/compile")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String compile(@RequestParam(name = "week", required = false) String week, RedirectAttributes redirect) {
		WeeklyKey key = WeeklyKey.parse(week, 422);
		try {
			compiler.compile(key);
			Flash.success(redirect, "supervision.weekly.compiled");
		}
		catch (BusinessException e) {
			failed(redirect, e.messageKey(), e.args());
		}
		return "redirect:" + PAGE + "/" + key;
	}

	@GetMapping(PAGE + "/{week}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String week(@PathVariable String week, @AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
		WeeklyKey key = WeeklyKey.parse(week, 404);
		Object error = model.getAttribute(ERROR);
		Object[] args = model.getAttribute(ERROR_ARGS) instanceof Object[] a ? a : new Object[0];
		model.addAttribute("page", new WeeklyPage.Detail(queries.readable(key, user),
				WeeklyQueries.seesDrafts(user), export, locale, error == null ? null : error.toString(), args));
		return "supervision/weekly";
	}

	@PostMapping(PAGE + "/{week}/note")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String saveNote(@PathVariable String week, @RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "version", defaultValue = "-1") int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return write(week, note, version, false, user, redirect);
	}

	@PostMapping(PAGE + "/{week}/publish")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String publish(@PathVariable String week, @RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "version", defaultValue = "-1") int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return write(week, note, version, true, user, redirect);
	}

	private String write(String week, String note, int version, boolean publish, CurrentUser user,
			RedirectAttributes redirect) {
		WeeklyKey key = WeeklyKey.parse(week, 404);
		try {
			if (publish) {
				publisher.publish(key, note, version, user);
				Flash.success(redirect, "supervision.weekly.published");
			}
			else {
				publisher.saveNote(key, note, version, user);
				Flash.success(redirect, "supervision.weekly.noteSaved");
			}
		}
		catch (InvalidInputException e) {
			var v = e.violations().get(0);
			failed(redirect, v.messageKey(), v.args());
		}
		catch (OptimisticLockingFailureException e) {
			failed(redirect, "error.conflict", new Object[0]);
		}
		catch (BusinessException e) {
			if (e.status() == 404) {
				throw e;
			}
			failed(redirect, e.messageKey(), e.args());
		}
		return "redirect:" + PAGE + "/" + key;
	}

	/** A refusal shown on the week's page after the redirect (the layout's flash is for confirmations). */
	private static void failed(RedirectAttributes redirect, String messageKey, Object[] args) {
		redirect.addFlashAttribute(ERROR, messageKey);
		redirect.addFlashAttribute(ERROR_ARGS, args == null ? new Object[0] : args);
	}

	@GetMapping(PAGE + "/{week}/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportWeek(@PathVariable String week, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		WeeklyKey key = WeeklyKey.parse(week, 404);
		var data = queries.readable(key, user);
		Downloads.xlsx(response, export.fileName(key.toString(), locale), export.fileName(key.toString(), Locale.ENGLISH));
		export.write(data, locale, response.getOutputStream());
	}
}
