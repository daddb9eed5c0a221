package cn.zhaoshang.merchant.web;

import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the enterprise pages share: reference data for filters and forms, and the detail page's model. */
@Component
class MerchantPages {

	/** Records of each kind listed on an enterprise's page. */
	static final int LINKS_PER_KIND = 50;

	private final MerchantRegistry registry;
	private final MerchantMerges merges;
	private final Merchants merchants;
	private final List<MerchantLinks> links;
	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final RecordHistory history;

	MerchantPages(MerchantRegistry registry, MerchantMerges merges, Merchants merchants, List<MerchantLinks> links,
			Chains chains, UnitDirectory units, DataScopes scopes, RecordHistory history) {
		this.registry = registry;
		this.merges = merges;
		this.merchants = merchants;
		this.links = links;
		this.chains = chains;
		this.units = units;
		this.scopes = scopes;
		this.history = history;
	}

	static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	List<MerchantViews.Choice> chains() {
		boolean english = english();
		return chains.all().stream().filter(Chain::active).map(c -> new MerchantViews.Choice(c.id().value(), c.name(english))).toList();
	}

	/** Every active unit (the list's filter). */
	List<MerchantViews.Choice> units() {
		return units.all().stream().filter(UnitSummary::active).map(u -> new MerchantViews.Choice(u.id().value(), u.name())).toList();
	}

	/** The units the user may register an enterprise for. */
	List<MerchantViews.Choice> registeringUnits(CurrentUser user) {
		var scope = scopes.of(user);
		return units.all()
			.stream()
			.filter(u -> u.active() && scope.canEdit(u.id()) && !"INTERMEDIARY".equals(u.type()))
			.map(u -> new MerchantViews.Choice(u.id().value(), u.name()))
			.toList();
	}

	String detail(long id, CurrentUser user, Model model) {
		MerchantRecord r = registry.get(id).forReader(user.role());
		model.addAttribute("m", r);
		model.addAttribute("canEdit", registry.canEdit(r, user));
		model.addAttribute("admin", user.role() == Role.ADMIN);
		model.addAttribute("linkGroups", r.merged() ? List.of() : linkGroups(id, user));
		List<String> claimants = r.merged() ? List.of()
				: merchants.claimants(new MerchantId(id)).stream().map(this::unitName).toList();
		model.addAttribute("claimants", claimants);
		model.addAttribute("possibleDuplicates", r.merged() || user.role() != Role.ADMIN ? List.of()
				: registry.duplicates(r.name(), null, id));
		model.addAttribute("merges", merges.of(id));
		model.addAttribute("history", history.of("merchant", id));
		return "merchant/detail";
	}

	List<MerchantViews.LinkGroup> linkGroups(long id, CurrentUser user) {
		List<MerchantViews.LinkGroup> groups = new ArrayList<>();
		for (MerchantLinks provider : links) {
			if (!provider.listed()) {
				continue;
			}
			var views = provider.linksOf(new MerchantId(id), user, LINKS_PER_KIND)
				.stream()
				.map(l -> new MerchantViews.LinkView(l.title(), l.statusKey(), unitName(l.unit()), l.date(), l.path()))
				.toList();
			groups.add(new MerchantViews.LinkGroup(provider.kind(), views,
					provider.recordPath(new MerchantId(id), user).orElse(null)));
		}
		return groups;
	}

	private String unitName(UnitId id) {
		return id == null ? "" : units.find(id).map(UnitSummary::name).orElse(id.toString());
	}
}
