package cn.zhaoshang.clue.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.ImportPage;
import cn.zhaoshang.platform.web.ImportPages;

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
 * The clue import page (the platform's {@link ImportPages}) and the empty template, for the roles that log clues
 * (their data scope limits which units). The API is {@link ClueImportApiController}.
 */
@Controller
class ClueImportController {

	static final ImportPage PAGE = new ImportPage("clue.import.title",
			List.of("clue.import.rule1", "clue.import.rule2", "clue.import.rule3", "clue.import.rule4",
					"clue.import.rule5"),
			"clue.import.done", "/clues", "clue.import.toList", "/clues/import", "/clues/import/template.xlsx");

	private final ClueImport imports;
	private final ImportPages pages;

	ClueImportController(ClueImport imports, ImportPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	@GetMapping("/clues/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String page(Model model) {
		return pages.show(PAGE, model);
	}

	@PostMapping("/clues/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(PAGE, file, bytes -> imports.execute(bytes, user), locale, model, redirect);
	}

	@GetMapping("/clues/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		ClueListController.download(response, imports.templateFileName(locale));
		imports.template(response.getOutputStream());
	}
}
