package cn.zhaoshang.service.appeal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public, sign-in-free appeal pages (DESIGN §6a, ADR 0016): the form (zh/en, CSRF-protected, guarded), the
 * confirmation with the tracking number, and the tracking page that shows the status and the answer only.
 */
@Controller
class PublicAppealController {

	/** The largest request: the files at their limit and the form's text. */
	static final int MAX_REQUEST = AppealDocuments.PUBLIC_MAX_FILES * AppealDocuments.PUBLIC_MAX_BYTES + 64 * 1024;

	private final AppealDocuments documents;
	private final AppealQueries queries;
	private final MessageSource messages;

	PublicAppealController(AppealDocuments documents, AppealQueries queries, MessageSource messages) {
		this.documents = documents;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping("/appeal")
	@PreAuthorize(Security.Rules.PUBLIC)
	String form(Model model) {
		return form(model, PublicAppealForm.empty(), FormErrors.NONE);
	}

	@PostMapping("/appeal")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(value = PublicAppealApiController.FORM, maxBytes = MAX_REQUEST)
	String file(@Valid @ModelAttribute("form") PublicAppealForm form, BindingResult binding,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale)
			throws IOException {
		if (binding.hasErrors()) {
			return form(model, form, AppealErrors.of(binding, messages, locale));
		}
		List<AppealDocuments.Upload> uploads = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			// a file input left empty still sends a part without a name
			if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
				uploads.add(new AppealDocuments.Upload(f.getOriginalFilename(), f.getBytes()));
			}
		}
		try {
			model.addAttribute("trackingNo", documents.filePublic(form, uploads).trackingNo());
			model.addAttribute("files", uploads.size());
			return "appeal/public-filed";
		}
		catch (AppealDocuments.RefusedUpload e) {
			String rule = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			String why = e.fileName() == null ? rule
					: messages.getMessage("appeal.files.refused", new Object[] { e.fileName(), rule }, locale);
			return form(model, form, FormErrors.NONE.with(Map.of("files",
					FormErrors.fieldMessage(messages, "files", why, locale))));
		}
	}

	@GetMapping("/appeal/track")
	@PreAuthorize(Security.Rules.PUBLIC)
	String track(@RequestParam(required = false) String no, Model model) {
		model.addAttribute("no", no == null ? "" : no.strip());
		model.addAttribute("searched", no != null && !no.isBlank());
		model.addAttribute("result", no == null || no.isBlank() ? null : queries.publicStatus(no).orElse(null));
		return "appeal/public-track";
	}

	private String form(Model model, PublicAppealForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", AppealCategory.values());
		model.addAttribute("maxFiles", AppealDocuments.PUBLIC_MAX_FILES);
		model.addAttribute("maxMegabytes", AppealDocuments.PUBLIC_MAX_BYTES / 1024 / 1024);
		return "appeal/public-form";
	}
}
