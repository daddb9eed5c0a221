package cn.zhaoshang.service.site;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

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

	static final ImportPage LAND = page(SiteController.LAND, "site.import.landTitle", "site.import.landRule");

	static final ImportPage FACTORIES = page(SiteController.FACTORIES, "site.import.factoryTitle",
			"site.import.factoryRule");

	private final SiteImport imports;
	private final ImportPages pages;

	SiteImportController(SiteImport imports, ImportPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	private static ImportPage page(String list, String title, String firstRule) {
		return new ImportPage(title, List.of(firstRule, "site.import.rule.unit", "site.import.rule.same",
				"site.import.rule.all"), "site.import.done", list, "site.backToList", list + "/import",
				list + "/import/template.xlsx");
	}

	@GetMapping(SiteController.LAND + "/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String landPage(Model model) {
		return pages.show(LAND, model);
	}

	@PostMapping(SiteController.LAND + "/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String landUpload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(LAND, file, bytes -> imports.execute(SiteKind.LAND, bytes, user), locale, model,
				redirect);
	}

	@GetMapping(SiteController.LAND + "/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void landTemplate(Locale locale, HttpServletResponse response) throws IOException {
		template(SiteKind.LAND, locale, response);
	}

	@GetMapping(SiteController.FACTORIES + "/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String factoryPage(Model model) {
		return pages.show(FACTORIES, model);
	}

	@PostMapping(SiteController.FACTORIES + "/import")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String factoryUpload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(FACTORIES, file, bytes -> imports.execute(SiteKind.FACTORY, bytes, user), locale, model,
				redirect);
	}

	@GetMapping(SiteController.FACTORIES + "/import/template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	void factoryTemplate(Locale locale, HttpServletResponse response) throws IOException {
		template(SiteKind.FACTORY, locale, response);
	}

	private void template(SiteKind kind, Locale locale, HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, imports.templateFileName(kind, locale),
				imports.templateFileName(kind, Locale.ENGLISH));
		imports.template(kind, response.getOutputStream());
	}
}
