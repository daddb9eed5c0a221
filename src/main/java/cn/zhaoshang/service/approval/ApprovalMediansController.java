package cn.zhaoshang.service.approval;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the median days from submitted to approved per approval kind and unit (the approvals the user may
 * read), filtered by unit and kind, with the workbook of the same rows.
 */
@Controller
class ApprovalMediansController {

	static final String PAGE = "/approvals/medians";

	private final Approvals approvals;
	private final ApprovalExport export;
	private final UnitDirectory units;

	ApprovalMediansController(Approvals approvals, ApprovalExport export, UnitDirectory units) {
		this.approvals = approvals;
		this.export = export;
		this.units = units;
	}

	@Bean
	static NavItem navApprovalMedians() {
		return new NavItem("nav.group.projects", "approval.medians.nav", PAGE, 150, Role.where(Role::isInternal));
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String kind, Model model) {
		Long unitId = unitId(unit);
		ApprovalKind k = kind(kind);
		model.addAttribute("medians", medians(unitId, k, user));
		model.addAttribute("unit", unitId);
		model.addAttribute("kind", k);
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		return "service/approval-medians";
	}

	@GetMapping(PAGE + ".xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
		export.write(medians(unitId(unit), kind(kind), user), user, response);
	}

	private List<Approvals.Median> medians(Long unitId, ApprovalKind kind, CurrentUser user) {
		return approvals.medians(unitId, user).stream().filter(m -> kind == null || m.kind() == kind).toList();
	}

	private static Long unitId(String text) {
		return text == null || !text.matches("\\d{1,18}") ? null : Long.valueOf(text);
	}

	private static ApprovalKind kind(String text) {
		for (ApprovalKind k : ApprovalKind.values()) {
			if (k.name().equals(text)) {
				return k;
			}
		}
		return null;
	}
}
