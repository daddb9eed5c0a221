package cn.zhaoshang.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportRejected.CellProblem;
import cn.zhaoshang.platform.ImportResult;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handling of every import page: the page (rules, template, upload), the upload that redirects after an import
 * with its counts as a flash attribute (reloading does not import again), and the page again with the reason and
 * every error as row, column and reason when the file is refused. A module's controller maps its URLs, checks its
 * role and calls these two methods. An upload over the multipart limit never gets here: the error page explains it.
 */
@Component
public class ImportPages {

	/** The flash attribute of the counts after an import. */
	public static final String RESULT = "importResult";

	static final String VIEW = "platform/import";

	private final MessageSource messages;

	public ImportPages(MessageSource messages) {
		this.messages = messages;
	}

	public String show(ImportPage page, Model model) {
		return view(page, model, null, List.of());
	}

	/** Imports the file with the module's import, or shows why it was refused. */
	public String upload(ImportPage page, MultipartFile file, Function<byte[], ImportResult> importer, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			return view(page, model, messages.getMessage("import.noFile", null, locale), List.of());
		}
		try {
			redirect.addFlashAttribute(RESULT, importer.apply(file.getBytes()));
			return "redirect:" + page.url();
		}
		catch (ImportRejected e) {
			return view(page, model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale),
					e.resolved(messages, locale));
		}
		catch (BusinessException e) {
			return view(page, model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), List.of());
		}
	}

	private static String view(ImportPage page, Model model, String failure, List<CellProblem> errors) {
		if (!model.containsAttribute(RESULT)) {
			model.addAttribute(RESULT, null);
		}
		model.addAttribute("page", page);
		model.addAttribute("failure", failure);
		model.addAttribute("errors", errors);
		return VIEW;
	}
}
