package cn.zhaoshang.project.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.ImportPage;
import cn.zhaoshang.platform.web.ImportPages;
import cn.zhaoshang.project.internal.LedgerTemplate;
import cn.zhaoshang.project.internal.LedgerWorkbook;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectImport;

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
 * The ledger as Excel on the pages: the import page (the platform's {@link ImportPages}: template, rules, upload;
 * after an import its counts, after a rejection every error as row, column and reason) and the downloads of the
 * filtered list and the template ({@code /projects/import/template.xlsx}; {@code /projects/import-template.xlsx} is
 * the old name, kept for one release).
 */
@Controller
class LedgerExcelController {

	static final ImportPage PAGE = new ImportPage("ledger.import.title",
			List.of("ledger.import.rule1", "ledger.import.rule2", "ledger.import.rule3", "ledger.import.rule4",
					"ledger.import.rule5", "ledger.import.rule6"),
			"ledger.import.done", "/projects", "ledger.import.toLedger", "/projects/import",
			"/projects/import/template.xlsx");

	private final LedgerWorkbook workbook;
	private final LedgerTemplate template;
	private final ProjectImport imports;
	private final ImportPages pages;

	LedgerExcelController(LedgerWorkbook workbook, LedgerTemplate template, ProjectImport imports, ImportPages pages) {
		this.workbook = workbook;
		this.template = template;
		this.imports = imports;
		this.pages = pages;
	}

	@GetMapping("/projects/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String page(Model model) {
		return pages.show(PAGE, model);
	}

	@PostMapping("/projects/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(PAGE, file, bytes -> imports.execute(bytes, user), locale, model, redirect);
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

	@GetMapping({ "/projects/import/template.xlsx", "/projects/import-template.xlsx" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
			throws IOException {
		Downloads.xlsx(response, template.fileName(locale), template.fileName(Locale.ENGLISH));
		template.write(user, response.getOutputStream());
	}
}
