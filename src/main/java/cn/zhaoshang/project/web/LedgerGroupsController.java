package cn.zhaoshang.project.web;

import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectFilter;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final MessageSource messages;

	LedgerGroupsController(ProjectQueries queries, DataScopes scopes, LedgerPageModel pageModel,
			MessageSource messages) {
		this.messages = messages;
		this.queries = queries;
		this.scopes = scopes;
		this.pageModel = pageModel;
	}

	@GetMapping("/projects/groups")
	@PreAuthorize(Security.Rules.INTERNAL)
	String groups(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ProjectFilter bound,
			BindingResult binding, @RequestParam(defaultValue = "unit") String by, HttpSession session, Locale locale,
			Model model) {
		var checked = LedgerFilters.forPage(bound, binding, messages, locale);
		ProjectFilter filter = checked.filter();
		String group = ProjectQueries.GROUP_BY.contains(by) ? by : "unit";
		pageModel.filters(user, filter, model);
		model.addAttribute("filterErrors", checked.errors());
		model.addAttribute("display", LedgerDisplay.of(session));
		ProjectQueries.Grouped grouped = queries.grouped(filter, scopes.of(user), group);
		model.addAttribute("grouped", grouped);
		model.addAttribute("rows", grouped.groups()
			.stream()
			.map(g -> new LedgerViews.GroupRow(g, "stage".equals(group) ? Stage.valueOf(g.key()).messageKey() : null,
					LedgerFilters.queryWith(filter, group, g.key())))
			.toList());
		model.addAttribute("groupBy", ProjectQueries.GROUP_BY);
		return "project/groups";
	}
}
