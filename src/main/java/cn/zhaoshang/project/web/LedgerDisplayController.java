package cn.zhaoshang.project.web;

import jakarta.servlet.http.HttpSession;

import cn.zhaoshang.platform.Security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Remembers how this user likes the ledger shown (unit of sums, density) for the rest of the session. */
@Controller
class LedgerDisplayController {

	@PostMapping("/projects/display")
	@PreAuthorize(Security.Rules.INTERNAL)
	String display(@RequestParam(required = false) String unit, @RequestParam(required = false) String density,
			@RequestParam(defaultValue = "/projects") String back, HttpSession session) {
		if (unit != null) {
			session.setAttribute(LedgerDisplay.UNIT, AmountUnit.parse(unit).name());
		}
		if (density != null) {
			session.setAttribute(LedgerDisplay.DENSITY, "compact".equals(density) ? "compact" : "comfortable");
		}
		return "redirect:" + safeBack(back);
	}

	/** Only back to a ledger page of this site (never an absolute or protocol-relative address). */
	static String safeBack(String back) {
		boolean ledger = back.equals("/projects") || back.startsWith("/projects?") || back.startsWith("/projects/board")
				|| back.startsWith("/projects/groups");
		return ledger && !back.contains("\\") && !back.contains("\r") && !back.contains("\n") ? back : "/projects";
	}
}
