package cn.zhaoshang.clue.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportRejected.CellProblem;
import cn.zhaoshang.platform.Security;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clue import page (rules, template, upload; after an import its counts, after a rejection every error as row,
 * column and reason) and the empty template, for the roles that log clues (their data scope limits which units).
 * The API is {@link ClueImportApiController}.
 */
@Controller
class ClueImportController {

	static final String RESULT = "importResult";

	private final ClueImport imports;
	private final MessageSource messages;

	ClueImportController(ClueImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/clues/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String page(Model model) {
		return view(model, null, List.of());
	}

	/** Redirects after an import (the counts as a flash attribute); shows every error when the workbook is refused. */
	@PostMapping("/clues/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return view(model, messages.getMessage("clue.import.noFile", null, locale), List.of());
		}
		try {
			redirect.addFlashAttribute(RESULT, imports.execute(file.getBytes(), user));
			return "redirect:/clues/import";
		}
		catch (ImportRejected e) {
			return view(model, messages.getMessage(e.messageKey(), e.args(), locale), e.resolved(messages, locale));
		}
		catch (BusinessException e) {
			return view(model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), List.of());
		}
	}

	@GetMapping("/clues/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		ClueListController.download(response, imports.templateFileName(locale));
		imports.template(response.getOutputStream());
	}

	private static String view(Model model, String failure, List<CellProblem> errors) {
		if (!model.containsAttribute(RESULT)) {
			model.addAttribute(RESULT, null);
		}
		model.addAttribute("failure", failure);
		model.addAttribute("errors", errors);
		return "clue/import";
	}
}
