package cn.zhaoshang.platform.setting;

import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
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
 * 系统设置: administrators see every declared setting with its value and default, and change one at a time. A setting
 * may name other roles that may change it too (the city bureau its evidence rules); they see only those.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SettingController {

	private final SettingStore settings;
	private final RecordHistory history;
	private final MessageSource messages;

	SettingController(SettingStore settings, RecordHistory history, MessageSource messages) {
		this.settings = settings;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/admin/settings")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		var saved = settings.allSaved();
		var rows = settings.definitions().stream().filter(d -> d.mayBeEditedBy(user.role()))
			.map(d -> row(d, saved.get(d.key()))).toList();
		if (rows.isEmpty()) {
			throw new AccessDeniedException("no setting editable by " + user.role());
		}
		model.addAttribute("rows", rows);
		return "platform/settings";
	}

	@GetMapping("/admin/settings/{key}")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, Model model) {
		SettingDefinition d = editable(key, user);
		SettingRow row = row(d, settings.saved(key).orElse(null));
		return form(model, row, row.value(), FormErrors.NONE);
	}

	@PostMapping("/admin/settings/{key}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String settingValue, @RequestParam(required = false) Integer version,
			Model model, Locale locale, RedirectAttributes redirect) {
		SettingDefinition d = editable(key, user);
		try {
			settings.save(key, settingValue, version);
		}
		catch (FieldException e) {
			// "<the setting's name>：<the rule>", so the message names what the administrator was editing.
			String label = messages.getMessage(d.labelKey(), null, key, locale);
			String rule = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			var errors = FormErrors.NONE.with(Map.of(e.field(),
					messages.getMessage("form.fieldError", new Object[] { label, rule }, locale)));
			SettingRow current = row(d, settings.saved(key).orElse(null));
			// Keep the version the form was built from, so a later save still detects a concurrent change.
			var shown = new SettingRow(d, current.value(), current.isDefault(), version, current.updatedAt(),
					current.updatedBy());
			return form(model, shown, settingValue, errors);
		}
		Flash.success(redirect, "flash.saved");
		return "redirect:/admin/settings";
	}

	/** The setting, if this user may change it; 403 otherwise (404 for an unknown key). */
	private SettingDefinition editable(String key, CurrentUser user) {
		SettingDefinition d = settings.definition(key);
		if (!d.mayBeEditedBy(user.role())) {
			throw new AccessDeniedException("setting " + key + " is not editable by " + user.role());
		}
		return d;
	}

	private String form(Model model, SettingRow row, String entered, FormErrors errors) {
		model.addAttribute("row", row);
		model.addAttribute("entered", entered);
		model.addAttribute("errors", errors);
		model.addAttribute("history", history.of("setting", row.key()));
		return "platform/setting-form";
	}

	private static SettingRow row(SettingDefinition d, SettingStore.Saved saved) {
		if (saved == null || SettingStore.validate(d, saved.value()).isPresent()) {
			return new SettingRow(d, d.defaultValue(), true, saved == null ? null : saved.version(),
					saved == null ? null : saved.updatedAt(), saved == null ? null : saved.updatedBy());
		}
		return new SettingRow(d, saved.value(), saved.value().equals(d.defaultValue()), saved.version(),
				saved.updatedAt(), saved.updatedBy());
	}
}
