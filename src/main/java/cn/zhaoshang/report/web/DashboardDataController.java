package cn.zhaoshang.report.web;

import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.report.internal.DashboardData;
import cn.zhaoshang.report.internal.HomeDashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard's JSON for the home page's script, with the page's session ({@code /api/v1} takes bearer tokens
 * only): the same answer as {@code GET /api/v1/dashboard}, under the same rule.
 */
@Controller
class DashboardDataController {

	private final HomeDashboard dashboard;

	DashboardDataController(HomeDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping(path = "/dashboard/data", produces = "application/json")
	@PreAuthorize(Security.Rules.INTERNAL)
	@ResponseBody
	DashboardData data(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			Locale locale) {
		return DashboardApiController.answer(dashboard, user, year, locale);
	}
}
