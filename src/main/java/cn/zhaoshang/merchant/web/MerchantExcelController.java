package cn.zhaoshang.merchant.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantImport;
import cn.zhaoshang.merchant.internal.MerchantSheet;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.ImportPage;
import cn.zhaoshang.platform.web.ImportPages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Enterprises as Excel on the pages: the import page (the platform's {@link ImportPages}), the export of the
 * filtered list and the empty template ({@code /merchants/import/template.xlsx}; {@code import-template.xlsx} is
 * the old name, kept for one release).
 */
@Controller
class MerchantExcelController {

	static final ImportPage PAGE = new ImportPage("merchant.import.title",
			List.of("merchant.import.rule1", "merchant.import.rule2", "merchant.import.rule3", "merchant.import.rule4",
					"merchant.import.rule5"),
			"merchant.import.done", "/merchants", "merchant.import.toList", "/merchants/import",
			"/merchants/import/template.xlsx");

	private final MerchantSheet sheet;
	private final MerchantImport imports;
	private final ImportPages pages;

	MerchantExcelController(MerchantSheet sheet, MerchantImport imports, ImportPages pages) {
		this.sheet = sheet;
		this.imports = imports;
		this.pages = pages;
	}

	/** Content type and an attachment name in RFC 6266/5987 form (Chinese file names). */
	static void download(HttpServletResponse response, String fileName) {
		response.setContentType(MerchantSheet.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

	@GetMapping("/merchants/import")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String page(Model model) {
		return pages.show(PAGE, model);
	}

	@PostMapping("/merchants/import")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		return pages.upload(PAGE, file, bytes -> imports.execute(bytes, user), locale, model, redirect);
	}

	@GetMapping("/merchants/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@ModelAttribute MerchantFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		download(response, sheet.exportFileName(locale));
		sheet.export(filter, user, response.getOutputStream());
	}

	@GetMapping({ "/merchants/import/template.xlsx", "/merchants/import-template.xlsx" })
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		download(response, imports.templateFileName(locale));
		imports.template(response.getOutputStream());
	}
}
