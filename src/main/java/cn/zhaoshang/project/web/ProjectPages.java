package cn.zhaoshang.project.web;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;

import org.springframework.context.i18n.LocaleContextHolder;

/** Role checks the ledger's templates need for showing buttons (the controllers' {@code @PreAuthorize} decides). */
final class ProjectPages {

	private ProjectPages() {
	}

	/** Whether the role may change projects at all (its data scope then limits which). */
	static boolean canEdit(CurrentUser user) {
		return user != null && user.role().isEditor();
	}

	/** The city bureau's reviewers (and administrators). */
	static boolean reviewer(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}
}
