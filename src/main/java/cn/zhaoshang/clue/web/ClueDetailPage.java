package cn.zhaoshang.clue.web;

import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.internal.Clue;
import cn.zhaoshang.clue.internal.ClueAccess;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Builds the clue page's model: facts, follow-up timeline, assignment history, project link, claim-conflict notice,
 * audit history, and which actions the user may take. An intermediary sees the facts and the status only.
 */
@Component
class ClueDetailPage {

	private final ClueLookup clues;
	private final ClueQueries queries;
	private final ClueAccess access;
	private final Merchants merchants;
	private final Units units;
	private final RecordHistory history;
	private final ClueChoices choices;
	private final List<cn.zhaoshang.clue.ClueOrigins> origins;
	private final Positionings positionings;

	ClueDetailPage(ClueLookup clues, ClueQueries queries, ClueAccess access, Merchants merchants, Units units,
			RecordHistory history, ClueChoices choices, List<cn.zhaoshang.clue.ClueOrigins> origins,
			Positionings positionings) {
		this.origins = origins;
		this.positionings = positionings;
		this.clues = clues;
		this.queries = queries;
		this.access = access;
		this.merchants = merchants;
		this.units = units;
		this.history = history;
		this.choices = choices;
	}

	/** The enterprises of the merchant database whose name contains the words typed on the clue page. */
	void searchEnterprises(Model model, String query) {
		if (Boolean.TRUE.equals(model.getAttribute("canLinkMerchant")) && query != null && !query.isBlank()) {
			model.addAttribute("enterpriseQuery", query.strip());
			model.addAttribute("enterpriseHits", queries.searchEnterprises(query.strip()));
		}
	}

	String render(long id, CurrentUser user, Model model, FollowUpForm followUp, FormErrors followUpErrors) {
		Clue c = clues.readable(id, user);
		var d = queries.detail(id);
		boolean internal = user.role() != Role.INTERMEDIARY;
		boolean open = c.status().isOpen();
		boolean canEdit = access.canEdit(c, user);
		boolean assignee = c.assignee() != null && c.assignee().equals(user.id());
		model.addAttribute("d", d);
		// 定位外线索 (issue 12): the rule of the allocation candidates and of the list's filter outsidePositioning
		Long chain = d.row().chainId();
		model.addAttribute("outsidePositioning", internal && chain != null && c.owner() != null
				&& positionings.find(c.owner()).map(p -> !p.leads(new ChainId(chain))).orElse(false));
		model.addAttribute("internal", internal);
		model.addAttribute("followUps", internal ? queries.followUps(id) : List.of());
		model.addAttribute("assignments", internal ? queries.assignments(id) : List.of());
		model.addAttribute("history", internal ? history.of("clue", id) : List.of());
		model.addAttribute("canEdit", open && canEdit);
		model.addAttribute("canFollowUp", open && (canEdit || assignee));
		model.addAttribute("canConfirm", canEdit && c.status() == ClueStatus.FOLLOWING);
		model.addAttribute("canConvert", canEdit && c.status() == ClueStatus.CONFIRMED);
		model.addAttribute("canAssign", open && access.canAssign(c, user));
		model.addAttribute("canReturn", open && access.canReturnToPool(c, user));
		model.addAttribute("candidates", open && canEdit && d.row().merchantId() == null
				? queries.candidates(d.row().enterpriseName()) : List.of());
		model.addAttribute("conflict", internal ? claimConflict(d.row().merchantId()) : null);
		model.addAttribute("followUp", followUp);
		model.addAttribute("followUpErrors", followUpErrors);
		model.addAttribute("kinds", List.of(FollowUpKind.values()));
		// an unlinked enterprise can be linked or registered from the page (issue 8: it offered nothing to click)
		model.addAttribute("canLinkMerchant", open && canEdit && d.row().merchantId() == null);
		model.addAttribute("enterpriseQuery", null);
		model.addAttribute("enterpriseHits", List.of());
		model.addAttribute("chainNames", choices.chainNames());
		// what produced the clue (an event of the activity module …), told by the modules downstream
		model.addAttribute("origins", internal ? origins.stream()
			.flatMap(o -> o.of(new cn.zhaoshang.clue.ClueId(id)).stream())
			.toList() : List.of());
		return "clue/detail";
	}

	/** The names of the units pursuing the enterprise when there are two or more; else {@code null}. */
	private String claimConflict(Long merchantId) {
		if (merchantId == null) {
			return null;
		}
		var claimants = merchants.claimants(new MerchantId(merchantId));
		if (claimants.size() < 2) {
			return null;
		}
		return String.join(", ", claimants.stream()
			.map(u -> units.find(u).map(s -> s.name()).orElse(String.valueOf(u.value())))
			.toList());
	}
}
