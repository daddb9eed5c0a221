package cn.zhaoshang.merchant.talent.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.merchant.talent.TalentImport;
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
 * The talent import page (the platform's {@link ImportPages}) and the empty template
 * ({@code /talents/import/template.xlsx}; {@code /talents/import-template.xlsx} is the old name, kept for one
 * release), for the roles that register talents.
 */
@Controller
class TalentImportController {

	static final ImportPage PAGE = new ImportPage("talent.import.title",
			List.of("talent.import.rule1", "talent.import.rule2", "talent.import.rule3", "talent.import.rule4",
					"talent.import.rule5"),
			"talent.import.done", "/talents", "talent.import.toList", "/talents/import",
			"/talents/import/template.xlsx");

	private final TalentImport imports;
	private final ImportPages pages;

	TalentImportController(TalentImport imports, ImportPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	@GetMapping("/talents/import")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String page(Model model) {
		return pages.show(PAGE, model);
	}

	@PostMapping("/talents/import")
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(PAGE, file, bytes -> imports.execute(bytes, user), locale, model, redirect);
	}

	@GetMapping({ "/talents/import/template.xlsx", "/talents/import-template.xlsx" })
	@PreAuthorize(Security.Rules.TALENT_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		TalentController.download(response, imports.templateFileName(locale));
		imports.template(response.getOutputStream());
	}
}
