package cn.zhaoshang.project.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.project.internal.LedgerWorkbook;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectImport;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger as Excel on the pages: the import page (template, rules, upload; after an import its counts, after a
 * rejection every error as row, column and reason) and the downloads of the filtered list and the template. An
 * upload over the multipart limit never gets here: the servlet container refuses it while the CSRF check reads the
 * form, and the error page explains the limit (status 413).
 */
@Controller
class LedgerExcelController {

	static final String RESULT = "importResult";
	static final String FAILURE = "failure";

	private final LedgerWorkbook workbook;
	private final ProjectImport imports;
	private final MessageSource messages;

	LedgerExcelController(LedgerWorkbook workbook, ProjectImport imports, MessageSource messages) {
		this.workbook = workbook;
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/projects/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String page(Model model) {
		// after an import its counts arrive as a flash attribute (RESULT), already in the model
		return view(model, null, List.of());
	}

	/**
	 * Redirects after a successful import (the counts travel as a flash attribute, so reloading the page does not
	 * import again); shows the page with the reason and every error when the workbook is refused.
	 */
	@PostMapping("/projects/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return view(model, messages.getMessage("ledger.import.noFile", null, locale), List.of());
		}
		try {
			redirect.addFlashAttribute(RESULT, imports.execute(file.getBytes(), user));
			return "redirect:/projects/import";
		}
		catch (ImportRejected e) {
			List<ImportErrorRow> errors = e.resolved(messages, locale)
				.stream()
				.map(error -> new ImportErrorRow(error.row(), error.column(), error.message()))
				.toList();
			return view(model, messages.getMessage(e.messageKey(), e.args(), locale), errors);
		}
		catch (BusinessException e) {
			return view(model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), List.of());
		}
	}

	private String view(Model model, String failure, List<ImportErrorRow> errors) {
		if (!model.containsAttribute(RESULT)) {
			model.addAttribute(RESULT, null);
		}
		model.addAttribute(FAILURE, failure);
		model.addAttribute("errors", errors);
		return "project/import";
	}

	@GetMapping("/projects/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@jakarta.validation.Valid @ModelAttribute ProjectFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, workbook.exportFileName(locale),
				workbook.exportFileName(Locale.ENGLISH));
		// The page's export is the page's set: dropped projects only when the list includes them.
		ProjectFilter shown = filter.includeDropped() == null ? filter.withIncludeDropped(false) : filter;
		workbook.export(shown, user, response.getOutputStream());
	}

	@GetMapping("/projects/import-template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
			throws IOException {
		Downloads.xlsx(response, workbook.templateFileName(locale),
				workbook.templateFileName(Locale.ENGLISH));
		workbook.template(user, response.getOutputStream());
	}
}
