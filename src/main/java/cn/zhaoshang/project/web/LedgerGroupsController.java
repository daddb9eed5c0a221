package cn.zhaoshang.project.web;

import java.util.Map;

import jakarta.servlet.http.HttpSession;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grouped ledger (分组汇总): the list's filtered set side by side by landing unit, chain or stage, with each
 * group's count and sums and the city total, so that a city user compares the counties without adding up.
 */
@Controller
class LedgerGroupsController {

	private final ProjectQueries queries;
	private final DataScopes scopes;
	private final LedgerPageModel pageModel;

	LedgerGroupsController(ProjectQueries queries, DataScopes scopes, LedgerPageModel pageModel) {
		this.queries = queries;
		this.scopes = scopes;
		this.pageModel = pageModel;
	}

	@GetMapping("/projects/groups")
	@PreAuthorize(Security.Rules.INTERNAL)
	String groups(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params,
			HttpSession session, Model model) {
		ProjectFilter filter = LedgerFilters.parse(params);
		String by = ProjectQueries.GROUP_BY.contains(params.getOrDefault("by", "")) ? params.get("by") : "unit";
		pageModel.filters(user, filter, model);
		model.addAttribute("display", LedgerDisplay.of(session));
		ProjectQueries.Grouped grouped = queries.grouped(filter, scopes.of(user), by);
		model.addAttribute("grouped", grouped);
		model.addAttribute("rows", grouped.groups()
			.stream()
			.map(g -> new LedgerViews.GroupRow(g, "stage".equals(by) ? Stage.valueOf(g.key()).messageKey() : null,
					LedgerFilters.queryWith(filter, by, g.key())))
			.toList());
		model.addAttribute("groupBy", ProjectQueries.GROUP_BY);
		return "project/groups";
	}
}
