package cn.zhaoshang.project.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.platform.web.ImportPage;
import cn.zhaoshang.platform.web.ImportPages;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.FundsFilter;
import cn.zhaoshang.project.internal.FundsImport;
import cn.zhaoshang.project.internal.FundsTotals;

/**
 * The funds page (实际到位资金汇总): filters, quick periods, the grouped table with its totals row, each unit, chain
 * or type linking to the ledger filtered by it; its Excel export; and the import page of the monthly funds report
 * with its template (the platform's {@link ImportPages}).
 */
@Controller
class FundsReportController {

	static final ImportPage IMPORT = new ImportPage("fundsReport.import.title",
			List.of("fundsReport.import.rule1", "fundsReport.import.rule2", "fundsReport.import.rule3", "fundsReport.import.rule4",
					"fundsReport.import.rule5"),
			"fundsReport.import.done", "/funds", "fundsReport.import.toList", "/funds/import", "/funds/import/template.xlsx");

	private final FundsTotals totals;
	private final FundsImport imports;
	private final ImportPages pages;
	private final ReferenceData reference;
	private final MessageSource messages;

	FundsReportController(FundsTotals totals, FundsImport imports, ImportPages pages, ReferenceData reference,
			MessageSource messages) {
		this.totals = totals;
		this.imports = imports;
		this.pages = pages;
		this.reference = reference;
		this.messages = messages;
	}

	@GetMapping("/funds")
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@Valid @ModelAttribute("filter") FundsFilter bound, BindingResult binding,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
		FundsFilter filter = binding.hasErrors() ? FundsFilter.none() : bound;
		FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE;
		FundsTotals.Report report;
		try {
			report = totals.totals(filter, user, locale);
		}
		catch (InvalidInputException e) {
			errors = FormErrors.of(e, messages, locale);
			filter = new FundsFilter(filter.unit(), filter.chain(), filter.type(), null, null, filter.groupBy());
			report = totals.totals(filter, user, locale);
		}
		YearMonth current = totals.currentMonth();
		model.addAttribute("filter", filter);
		model.addAttribute("filterErrors", errors);
		model.addAttribute("report", report);
		model.addAttribute("units", reference.landingUnits());
		model.addAttribute("chains", reference.chains(ProjectPages.english(), null));
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("groupBy", groupLabels(locale));
		model.addAttribute("query", query(filter, report.from(), report.to()));
		model.addAttribute("canImport", ProjectPages.canEdit(user));
		YearMonth quarter = YearMonth.of(current.getYear(), (current.getMonthValue() - 1) / 3 * 3 + 1);
		model.addAttribute("quick", List.of(quick("fundsReport.quick.month", filter, current, current, report),
				quick("fundsReport.quick.quarter", filter, quarter, current, report),
				quick("fundsReport.quick.ytd", filter, YearMonth.of(current.getYear(), 1), current, report)));
		return "project/funds-report";
	}

	/** The groupings with their labels, in the order of the select. */
	private Map<String, String> groupLabels(Locale locale) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("unit", messages.getMessage("fundsReport.by.unit", null, locale));
		m.put("chain", messages.getMessage("fundsReport.by.chain", null, locale));
		m.put("type", messages.getMessage("fundsReport.by.type", null, locale));
		m.put("month", messages.getMessage("fundsReport.by.month", null, locale));
		m.put("quarter", messages.getMessage("fundsReport.by.quarter", null, locale));
		return m;
	}

	private static FundsQuick quick(String key, FundsFilter f, YearMonth from, YearMonth to, FundsTotals.Report report) {
		return new FundsQuick(key, "/funds?" + query(f, from.toString(), to.toString()),
				from.toString().equals(report.from()) && to.toString().equals(report.to()));
	}

	/** The filter as query parameters, with the period spelt out (what the export and the quick buttons take). */
	static String query(FundsFilter f, String from, String to) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unit", f.unit());
		m.put("chain", f.chain());
		m.put("type", f.type() == null ? null : f.type().name());
		m.put("from", from);
		m.put("to", to);
		m.put("groupBy", f.by());
		StringBuilder q = new StringBuilder();
		m.forEach((k, v) -> {
			if (v != null) {
				q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(v);
			}
		});
		return q.toString();
	}

	@GetMapping("/funds/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@Valid @ModelAttribute FundsFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		totals.totals(filter, user, locale); // a refused period is a 400 before the download starts
		Downloads.xlsx(response, totals.fileName(filter, locale), totals.fileName(filter, Locale.ENGLISH));
		totals.export(filter, user, response.getOutputStream());
	}

	@GetMapping("/funds/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String importPage(Model model) {
		return pages.show(IMPORT, model);
	}

	@PostMapping("/funds/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(IMPORT, file, bytes -> imports.execute(bytes, user), locale, model, redirect);
	}

	@GetMapping("/funds/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, imports.templateFileName(locale), imports.templateFileName(Locale.ENGLISH));
		imports.template(response.getOutputStream());
	}
}
