package cn.zhaoshang.merchant.web;

import java.util.Locale;

import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging a duplicate into the enterprise that stays, and undoing a merge: administrators only. The merge first
 * shows both records side by side with what will move, and asks for confirmation.
 */
@Controller
class MerchantMergeController {

	/** Flash attribute with the reason a merge or an undo was refused, shown on the enterprise's page. */
	static final String MERGE_ERROR = "mergeError";

	private final MerchantRegistry registry;
	private final MerchantMerges merges;
	private final MerchantPages pages;
	private final MessageSource messages;

	MerchantMergeController(MerchantRegistry registry, MerchantMerges merges, MerchantPages pages,
			MessageSource messages) {
		this.registry = registry;
		this.merges = merges;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/merchants/{id}/merge")
	@PreAuthorize(Security.Rules.ADMIN)
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long absorbed, Model model, Locale locale, RedirectAttributes redirect) {
		var survivor = registry.get(id);
		if (absorbed == null || absorbed == id) {
			redirect.addFlashAttribute(MERGE_ERROR, messages.getMessage("merchant.merge.choose", null, locale));
			return "redirect:/merchants/" + id + "#merge";
		}
		var other = registry.get(absorbed);
		model.addAttribute("survivor", survivor);
		model.addAttribute("absorbed", other);
		model.addAttribute("absorbedLinks", pages.linkGroups(absorbed, user));
		model.addAttribute("problem", survivor.merged() || other.merged() ? "merchant.merge.alreadyMerged" : null);
		return "merchant/merge";
	}

	@PostMapping("/merchants/{id}/merge")
	@PreAuthorize(Security.Rules.ADMIN)
	String merge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long absorbed,
			Locale locale, RedirectAttributes redirect) {
		try {
			merges.merge(id, absorbed, user);
			Flash.success(redirect, "merchant.flash.merged");
		}
		catch (BusinessException e) {
			redirect.addFlashAttribute(MERGE_ERROR, messages.getMessage(e.messageKey(), e.args(), locale));
		}
		return "redirect:/merchants/" + id;
	}

	@PostMapping("/merchants/merges/{mergeId}/undo")
	@PreAuthorize(Security.Rules.ADMIN)
	String undo(@AuthenticationPrincipal CurrentUser user, @PathVariable long mergeId, Locale locale,
			RedirectAttributes redirect) {
		var merge = merges.find(mergeId);
		try {
			merges.undo(mergeId, user);
			Flash.success(redirect, "merchant.flash.unmerged");
		}
		catch (BusinessException e) {
			if (e.status() == 403) {
				throw e;
			}
			redirect.addFlashAttribute(MERGE_ERROR, messages.getMessage(e.messageKey(), e.args(), locale));
		}
		return "redirect:/merchants/" + merge.survivorId();
	}
}
