package cn.zhaoshang.chain.web;

import java.io.IOException;
import java.util.Locale;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainQueries;
import cn.zhaoshang.chain.internal.LinkListExport;
import cn.zhaoshang.chain.internal.LinkLists;
import cn.zhaoshang.chain.internal.LinkLists.LocalFilter;
import cn.zhaoshang.chain.internal.LinkLists.TargetFilter;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.web.Downloads;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A link's full lists with search, filters, column sorting, paging and export in the list's order (the link page
 * shows the first rows of each): its
 * local enterprises ({@code /chains/links/{id}/locals}) and its target enterprises ({@code .../targets}).
 */
@Controller
class LinkListPages {

	private final ChainQueries queries;
	private final LinkListExport export;
	private final MessageSource messages;

	LinkListPages(ChainQueries queries, LinkListExport export, MessageSource messages) {
		this.queries = queries;
		this.export = export;
		this.messages = messages;
	}

	@GetMapping("/chains/links/{linkId}/locals")
	@PreAuthorize(Security.Rules.INTERNAL)
	String locals(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) String q, @RequestParam(required = false) EnterpriseStrength strength,
			@RequestParam(required = false) String mark, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model) {
		var detail = queries.link(linkId, user);
		var filter = new LocalFilter(q, strength, LinkLists.mark(mark));
		var order = LinkLists.LOCAL_SORTING.resolve(sort, dir);
		var rows = LinkLists.sortLocals(LinkLists.locals(detail.locals(), filter), order);
		model.addAttribute("locals", Paging.of(rows, PageSizes.page(page), PageSizes.forPage(size)));
		return page(model, detail, "locals", q, strength == null ? null : strength.name(), null, filter.mark(),
				filter.active(), order);
	}

	@GetMapping("/chains/links/{linkId}/targets")
	@PreAuthorize(Security.Rules.INTERNAL)
	String targets(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) String q, @RequestParam(required = false) TargetStatus status,
			@RequestParam(required = false) TargetPriority priority, @RequestParam(required = false) String mark,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		var detail = queries.link(linkId, user);
		var filter = new TargetFilter(q, status, priority, LinkLists.mark(mark));
		var order = LinkLists.TARGET_SORTING.resolve(sort, dir);
		var rows = LinkLists.sortTargets(LinkLists.targets(detail.targets(), filter), order);
		model.addAttribute("targets", Paging.of(rows, PageSizes.page(page), PageSizes.forPage(size)));
		return page(model, detail, "targets", q, status == null ? null : status.name(),
				priority == null ? null : priority.name(), filter.mark(), filter.active(), order);
	}

	private String page(Model model, ChainQueries.LinkDetail detail, String kind, String q, String state,
			String priority, String mark, boolean filtered, Sorting.Sort sort) {
		model.addAttribute("detail", detail);
		model.addAttribute("kind", kind);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("state", state);
		model.addAttribute("priority", priority);
		model.addAttribute("mark", mark);
		model.addAttribute("filtered", filtered);
		// the search form and the export keep a chosen order (the export writes the rows in the list's order); the
		// default order needs no parameters
		boolean chosen = !sort.equals((kind.equals("locals") ? LinkLists.LOCAL_SORTING : LinkLists.TARGET_SORTING)
			.resolve(null, null));
		model.addAttribute("sort", sort);
		model.addAttribute("sortChosen", chosen);
		model.addAttribute("exportHref", UriComponentsBuilder
			.fromPath("/chains/links/" + detail.link().id() + "/" + kind + ".xlsx")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(x -> !x.isBlank()))
			.queryParamIfPresent(kind.equals("locals") ? "strength" : "status", java.util.Optional.ofNullable(state))
			.queryParamIfPresent("priority", java.util.Optional.ofNullable(priority))
			.queryParamIfPresent("mark", java.util.Optional.ofNullable(mark))
			.queryParamIfPresent("sort", java.util.Optional.of(sort.key()).filter(k -> chosen))
			.queryParamIfPresent("dir", java.util.Optional.of(sort.ascending() ? "asc" : "desc").filter(k -> chosen))
			.encode()
			.toUriString());
		return "chain/link-list";
	}

	@GetMapping("/chains/links/{linkId}/locals.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportLocals(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) String q, @RequestParam(required = false) EnterpriseStrength strength,
			@RequestParam(required = false) String mark, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HttpServletResponse response, Locale locale)
			throws IOException {
		var detail = queries.link(linkId, user);
		var rows = LinkLists.sortLocals(LinkLists.locals(detail.locals(), new LocalFilter(q, strength,
				LinkLists.mark(mark))), LinkLists.LOCAL_SORTING.resolve(sort, dir));
		Downloads.xlsx(response, fileName(detail, "chain.locals", locale), "chain-locals.xlsx");
		export.locals(rows, response.getOutputStream());
	}

	@GetMapping("/chains/links/{linkId}/targets.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportTargets(@AuthenticationPrincipal CurrentUser user, @PathVariable long linkId,
			@RequestParam(required = false) String q, @RequestParam(required = false) TargetStatus status,
			@RequestParam(required = false) TargetPriority priority, @RequestParam(required = false) String mark,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			HttpServletResponse response, Locale locale) throws IOException {
		var detail = queries.link(linkId, user);
		var rows = LinkLists.sortTargets(LinkLists.targets(detail.targets(), new TargetFilter(q, status, priority,
				LinkLists.mark(mark))), LinkLists.TARGET_SORTING.resolve(sort, dir));
		Downloads.xlsx(response, fileName(detail, "chain.targets", locale), "chain-targets.xlsx");
		export.targets(rows, response.getOutputStream());
	}

	private String fileName(ChainQueries.LinkDetail detail, String key, Locale locale) {
		return detail.link().name() + "-" + messages.getMessage(key, null, locale) + ".xlsx";
	}
}
