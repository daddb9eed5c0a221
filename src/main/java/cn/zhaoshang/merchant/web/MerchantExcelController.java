package cn.zhaoshang.merchant.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantImport;
import cn.zhaoshang.merchant.internal.MerchantSheet;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;

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
 * Enterprises as Excel on the pages: the import page (template, rules, upload; afterwards the counts, or every error
 * as row, column and reason with nothing saved), the export of the filtered list and the empty template.
 */
@Controller
class MerchantExcelController {

	static final String RESULT = "importResult";

	private final MerchantSheet sheet;
	private final MerchantImport imports;
	private final MessageSource messages;

	MerchantExcelController(MerchantSheet sheet, MerchantImport imports, MessageSource messages) {
		this.sheet = sheet;
		this.imports = imports;
		this.messages = messages;
	}

	static List<MerchantViews.ImportError> resolve(ImportRejected e, MessageSource messages, Locale locale) {
		return e.resolved(messages, locale)
			.stream()
			.map(x -> new MerchantViews.ImportError(x.row(), x.column(), x.message()))
			.toList();
	}

	@GetMapping("/merchants/import")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String page(Model model) {
		return view(model, null, List.of());
	}

	@PostMapping("/merchants/import")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Locale locale, Model model, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return view(model, messages.getMessage("merchant.import.noFile", null, locale), List.of());
		}
		try {
			redirect.addFlashAttribute(RESULT, imports.execute(file.getBytes(), user));
			return "redirect:/merchants/import";
		}
		catch (ImportRejected e) {
			return view(model, messages.getMessage(e.messageKey(), e.args(), locale), resolve(e, messages, locale));
		}
		catch (BusinessException e) {
			return view(model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), List.of());
		}
	}

	private String view(Model model, String failure, List<MerchantViews.ImportError> errors) {
		if (!model.containsAttribute(RESULT)) {
			model.addAttribute(RESULT, null);
		}
		model.addAttribute("failure", failure);
		model.addAttribute("errors", errors);
		return "merchant/import";
	}

	@GetMapping("/merchants/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@ModelAttribute MerchantFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, sheet.exportFileName(locale), sheet.exportFileName(Locale.ENGLISH));
		sheet.export(filter, user, response.getOutputStream());
	}

	@GetMapping("/merchants/import-template.xlsx")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	void template(Locale locale, HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, sheet.templateFileName(locale), sheet.templateFileName(Locale.ENGLISH));
		sheet.template(response.getOutputStream());
	}
}
