package cn.zhaoshang.clue.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.ClueAccess;
import cn.zhaoshang.clue.internal.ClueExport;
import cn.zhaoshang.clue.internal.ClueFilter;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clue list (search, filters, sortable columns, paging), the Kanban of the same filtered set and its Excel
 * export. Internal roles see every clue (whole-city sharing); an intermediary sees the list of the clues it
 * submitted and nothing else (no board, no export).
 */
@Controller
class ClueListController {

	static final int CARDS_PER_COLUMN = 12;

	private final ClueQueries queries;
	private final ClueChoices choices;
	private final ClueExport export;

	ClueListController(ClueQueries queries, ClueChoices choices, ClueExport export) {
		this.queries = queries;
		this.choices = choices;
		this.export = export;
	}

	@GetMapping("/clues")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") ClueFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model) {
		ClueFilter f = binding.hasErrors() ? ClueFilter.none() : filter;
		int pageSize = PageSizes.forPage(size);
		var result = queries.list(f, user, PageSizes.page(page), pageSize, true);
		filterModel(user, f, model);
		model.addAttribute("paging", result);
		model.addAttribute("size", pageSize);
		model.addAttribute("pageSizes", PageSizes.CHOICES);
		return "clue/list";
	}

	@GetMapping("/clues/board")
	@PreAuthorize(Security.Rules.INTERNAL)
	String board(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") ClueFilter filter,
			BindingResult binding, Model model) {
		ClueFilter f = binding.hasErrors() ? ClueFilter.none() : filter;
		filterModel(user, f, model);
		model.addAttribute("columns", queries.kanban(f, user, CARDS_PER_COLUMN)
			.stream()
			.map(c -> new ClueViews.BoardColumn(c, f.withStatus(c.status()).query()))
			.toList());
		return "clue/board";
	}

	/** The filtered list as .xlsx: Chinese headers, amounts as numbers, dates as dates. */
	@GetMapping("/clues/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") ClueFilter filter,
			BindingResult binding, Locale locale, HttpServletResponse response) throws IOException {
		ClueFilter f = binding.hasErrors() ? ClueFilter.none() : filter;
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(f, user, response.getOutputStream());
	}

	private void filterModel(CurrentUser user, ClueFilter f, Model model) {
		boolean intermediary = user.role() == Role.INTERMEDIARY;
		model.addAttribute("filter", f);
		model.addAttribute("query", f.query());
		model.addAttribute("intermediary", intermediary);
		model.addAttribute("canCreate", ClueAccess.editorRole(user) || intermediary);
		model.addAttribute("canImport", ClueAccess.editorRole(user));
		model.addAttribute("units", intermediary ? List.of() : choices.ownerUnits());
		model.addAttribute("chains", choices.chains());
		model.addAttribute("chainNames", choices.chainNames());
		model.addAttribute("assignees", intermediary ? List.of() : choices.assignees(null));
		model.addAttribute("statuses", List.of(ClueStatus.values()));
		model.addAttribute("sources", List.of(ClueSource.values()));
		model.addAttribute("modes", List.of(PromotionMode.values()));
	}

	static int number(String value, int fallback) {
		try {
			return value == null ? fallback : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
