package cn.zhaoshang.project.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectQueries;
import cn.zhaoshang.project.internal.ProjectRecordQueries;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;

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
 * The ledger list, the Kanban of the same filtered set, saved filters and the city bureau's review queue. Everyone
 * inside the government reads the whole city pool (DESIGN §5); intermediaries see no project.
 */
@Controller
class ProjectListController {

	static final int CARDS_PER_COLUMN = 12;

	private final ProjectQueries queries;
	private final DataScopes scopes;
	private final LedgerPageModel pageModel;
	private final SavedFilters savedFilters;
	private final Attachments attachments;
	private final ProjectRecordQueries records;
	private final MessageSource messages;

	ProjectListController(ProjectQueries queries, DataScopes scopes, LedgerPageModel pageModel,
			SavedFilters savedFilters, Attachments attachments, ProjectRecordQueries records,
			MessageSource messages) {
		this.records = records;
		this.messages = messages;
		this.queries = queries;
		this.scopes = scopes;
		this.pageModel = pageModel;
		this.savedFilters = savedFilters;
		this.attachments = attachments;
	}

	private static final String SAVED_FILTER_ERROR = "savedFilterError";

	@GetMapping("/projects")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ProjectFilter bound,
			BindingResult binding, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, jakarta.servlet.http.HttpSession session, Locale locale,
			Model model) {
		model.addAttribute("display", LedgerDisplay.of(session));
		// A refused "save filter" comes back here by redirect (so that sort and page links keep pointing at the list).
		Object savedFilterError = model.asMap().get(SAVED_FILTER_ERROR);
		var checked = LedgerFilters.forPage(bound, binding, messages, locale);
		ProjectFilter filter = checked.filter();
		int pageSize = PageSizes.forPage(size);
		ProjectQueries.Listing result = queries.list(filter, scopes.of(user), PageSizes.page(page), pageSize);
		filterModel(user, checked, model);
		model.addAttribute("result", result);
		model.addAttribute("paging", result.paging());
		model.addAttribute("size", pageSize);
		model.addAttribute("pageSizes", PageSizes.CHOICES);
		model.addAttribute("savedFilters", savedFilters.of(user.id()));
		model.addAttribute("savedFilterError", savedFilterError instanceof String key ? key : null);
		return "project/list";
	}

	@GetMapping("/projects/board")
	@PreAuthorize(Security.Rules.INTERNAL)
	String board(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ProjectFilter bound,
			BindingResult binding, jakarta.servlet.http.HttpSession session, Locale locale, Model model) {
		model.addAttribute("display", LedgerDisplay.of(session));
		var checked = LedgerFilters.forPage(bound, binding, messages, locale);
		ProjectFilter filter = checked.filter();
		filterModel(user, checked, model);
		List<ProjectQueries.Column> columns = queries.kanban(filter, scopes.of(user), CARDS_PER_COLUMN);
		List<LedgerViews.BoardColumn> board = new ArrayList<>();
		for (ProjectQueries.Column c : columns) {
			board.add(new LedgerViews.BoardColumn(c, LedgerFilters.query(filter.withStage(c.stage()))));
		}
		model.addAttribute("columns", board);
		return "project/board";
	}

	@PostMapping("/projects/filters")
	@PreAuthorize(Security.Rules.INTERNAL)
	String saveFilter(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String query, RedirectAttributes redirect) {
		Map<String, String> params = parseQuery(query);
		String canonical = LedgerFilters.query(LedgerFilters.parse(params));
		String trimmed = name.trim();
		String back = "redirect:/projects" + (canonical.isEmpty() ? "" : "?" + canonical);
		if (trimmed.isEmpty() || trimmed.length() > SavedFilters.MAX_NAME) {
			redirect.addFlashAttribute(SAVED_FILTER_ERROR, trimmed.isEmpty() ? "ledger.savedFilter.nameRequired"
					: "ledger.savedFilter.nameTooLong");
			return back;
		}
		savedFilters.save(user.id(), trimmed, canonical);
		Flash.success(redirect, "ledger.savedFilter.saved");
		return back;
	}

	@PostMapping("/projects/filters/{id}/delete")
	@PreAuthorize(Security.Rules.INTERNAL)
	String deleteFilter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		savedFilters.delete(user.id(), id);
		Flash.success(redirect, "ledger.savedFilter.deleted");
		return "redirect:/projects";
	}

	@GetMapping("/projects/review")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String review(@AuthenticationPrincipal CurrentUser user, Model model) {
		var scope = scopes.of(user);
		List<LedgerViews.ReviewItem> moves = new ArrayList<>();
		for (ProjectQueries.Row row : queries.pendingReview(scope)) {
			records.timeline(row.id(), scope, attachments)
				.stream()
				.filter(m -> "SUBMITTED".equals(m.state()))
				.findFirst()
				.ifPresent(m -> moves.add(new LedgerViews.ReviewItem(row, m)));
		}
		ProjectFilter evidence = new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, "evidence", "updated", "asc", null);
		model.addAttribute("moves", moves);
		model.addAttribute("evidence", queries.list(evidence, scope, 1, 100));
		return "project/review";
	}

	private void filterModel(CurrentUser user, LedgerFilters.ForPage checked, Model model) {
		pageModel.filters(user, checked.filter(), model);
		model.addAttribute("filterErrors", checked.errors());
	}

	static Map<String, String> parseQuery(String query) {
		Map<String, String> params = new java.util.LinkedHashMap<>();
		String q = query.startsWith("?") ? query.substring(1) : query;
		for (String pair : q.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				params.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
			}
		}
		return params;
	}

	private static String decode(String s) {
		try {
			return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return "";
		}
	}

	private static int number(String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
