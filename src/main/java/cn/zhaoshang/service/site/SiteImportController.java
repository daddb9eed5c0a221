package cn.zhaoshang.service.site;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
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
 * The land and factory import pages (the platform's {@link ImportPages}) and their empty templates, for the roles
 * that register land and factories (a unit its own, the city bureau all).
 */
@Controller
class SiteImportController {

	private final SiteImport imports;
	private final ImportPages pages;

	SiteImportController(SiteImport imports, ImportPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	/** The import page of the kind, back to its list. */
	static ImportPage page(SiteKind kind) {
		String list = kind.path();
		return new ImportPage(kind.importTitle(), List.of(kind.importRule(), "site.import.rule.unit",
				"site.import.rule.same", "site.import.rule.all"), "site.import.done", list, "site.backToList",
				list + "/import", list + "/import/template.xlsx");
	}

	@GetMapping({ SiteController.LAND + "/import", SiteController.FACTORIES + "/import" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String show(Model model, HttpServletRequest request) {
		return pages.show(page(SiteKind.of(request)), model);
	}

	@PostMapping({ SiteController.LAND + "/import", SiteController.FACTORIES + "/import" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletRequest request) throws IOException {
		SiteKind kind = SiteKind.of(request);
		return pages.upload(page(kind), file, bytes -> imports.execute(kind, bytes, user), locale, model, redirect);
	}

	@GetMapping({ SiteController.LAND + "/import/template.xlsx", SiteController.FACTORIES + "/import/template.xlsx" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void template(Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
		SiteKind kind = SiteKind.of(request);
		Downloads.xlsx(response, imports.templateFileName(kind, locale),
				imports.templateFileName(kind, Locale.ENGLISH));
		imports.template(kind, response.getOutputStream());
	}
}
