package cn.zhaoshang.project.web;

import java.util.List;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The choices of the ledger's selects: units, chains, leaders and staff. */
@Component
class ReferenceData {

	/** Intermediaries never host projects; the government itself is no landing unit either. */
	private static final List<String> NOT_LANDING = List.of("INTERMEDIARY", "GOVERNMENT");

	private final Units units;
	private final Chains chains;
	private final People people;
	private final DataScopes scopes;
	private final MessageSource messages;

	ReferenceData(Units units, Chains chains, People people, DataScopes scopes, MessageSource messages) {
		this.units = units;
		this.chains = chains;
		this.people = people;
		this.scopes = scopes;
		this.messages = messages;
	}

	/** Every unit a project may land in, for the list's filter. */
	List<Option> landingUnits() {
		return units.all().stream().filter(u -> !NOT_LANDING.contains(u.type())).map(ReferenceData::option).toList();
	}

	/** The active units the user may put a project in (the create/edit form), plus the current one. */
	List<Option> editableUnits(CurrentUser user, Long current) {
		var scope = scopes.of(user);
		return units.all().stream()
			.filter(u -> (u.active() && !NOT_LANDING.contains(u.type()) && scope.canEdit(u.id()))
					|| (current != null && u.id().value() == current))
			.map(ReferenceData::option)
			.toList();
	}

	/** Units that may have introduced a project (intermediaries included). */
	List<Option> introUnits(Long current) {
		return units.all().stream()
			.filter(u -> u.active() || (current != null && u.id().value() == current))
			.map(ReferenceData::option)
			.toList();
	}

	List<Option> chains(boolean english, Long current) {
		return chains.all().stream()
			.filter(c -> c.active() || (current != null && c.id().value() == current))
			.map(c -> new Option(c.id().value(), c.name(english)))
			.toList();
	}

	/** Every chain's name in the reader's language by id, for the chain of a project in a list or on its page. */
	java.util.Map<Long, String> chainNames(boolean english) {
		return chains.names(english);
	}

	/** Active leaders or staff (plus the current choice), grouped by unit in the units' order. */
	List<Option> people(PersonKind kind, Long current) {
		var order = new java.util.HashMap<Long, Integer>();
		var all = units.all();
		for (int i = 0; i < all.size(); i++) {
			order.put(all.get(i).id().value(), i);
		}
		return people.summaries().stream()
			.filter(p -> p.kind() == kind && (p.active() || (current != null && p.id().value() == current)))
			.sorted(java.util.Comparator
				.comparing((People.PersonSummary p) -> order.getOrDefault(p.unitId().value(), Integer.MAX_VALUE))
				.thenComparing(People.PersonSummary::name))
			.map(p -> new Option(p.id().value(), p.title() == null ? p.name()
					: messages.getMessage("ledger.person.withTitle", new Object[] { p.name(), p.title() },
							LocaleContextHolder.getLocale())))
			.toList();
	}

	private static Option option(UnitSummary u) {
		return new Option(u.id().value(), u.name());
	}
}
