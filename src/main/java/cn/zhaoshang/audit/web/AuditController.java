package cn.zhaoshang.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.zhaoshang.audit.internal.AuditTrail;
import cn.zhaoshang.platform.Security;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators search the audit trail by user, record, action and date. Read-only: there is nothing to edit. */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/admin/audit")
	@PreAuthorize(Security.Rules.ADMIN)
	String search(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String record, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		ZoneId zone = ZoneId.systemDefault();
		var criteria = new AuditTrail.Criteria(actor, type, record, action,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
		model.addAttribute("result", trail.search(criteria, Math.max(1, page), PAGE_SIZE));
		model.addAttribute("actor", actor);
		model.addAttribute("type", type);
		model.addAttribute("record", record);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("types", trail.recordTypes());
		model.addAttribute("actions", trail.actions());
		return "audit/search";
	}
}
