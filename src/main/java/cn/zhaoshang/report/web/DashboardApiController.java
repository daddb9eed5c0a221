package cn.zhaoshang.report.web;

import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.report.internal.DashboardData;
import cn.zhaoshang.report.internal.HomeDashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The home dashboard's data ({@code GET /api/v1/dashboard}, issue 11): what the home page's charts draw, scoped to
 * the reader (the city, their unit against the city, or the projects they lead), labels in their language, each
 * element with the link to its rows. Every internal role; intermediaries are refused. The home page reads the same
 * answer from {@code GET /dashboard/data} with its session (the API takes bearer tokens only).
 */
@Tag(name = "Dashboard")
@RestController
class DashboardApiController {

	private final HomeDashboard dashboard;

	DashboardApiController(HomeDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The reader's home dashboard: projects by stage and chain, key and stalled projects, funds "
			+ "in place by month against the year before, target completion per unit, the latest publications",
			operationId = "getDashboard")
	DashboardData dashboard(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "the year of the funds chart and the completion; the current year when absent",
					example = "2026") @RequestParam(required = false) Integer year,
			Locale locale) {
		return answer(dashboard, user, year, locale);
	}

	/** The dashboard of the year asked for (the current one when none); a year out of range is refused naming it. */
	static DashboardData answer(HomeDashboard dashboard, CurrentUser user, Integer year, Locale locale) {
		int current = dashboard.currentYear();
		int y = year == null ? current : year;
		if (y < 2000 || y > current + 1) {
			throw new InvalidInputException(List.of(new Violation("year", "validation.dashboard.year")));
		}
		return dashboard.of(user, y, locale);
	}
}
