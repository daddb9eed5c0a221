package cn.zhaoshang.clue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.internal.ClueAccess;
import cn.zhaoshang.clue.internal.ClueUsers;
import cn.zhaoshang.org.Entrustments;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The options of the clue pages' selects: units, chains, assignees, entrusting units. */
@Component
class ClueChoices {

	private final Units units;
	private final Chains chains;
	private final ClueUsers users;
	private final Entrustments entrustments;
	private final DataScopes scopes;

	ClueChoices(Units units, Chains chains, ClueUsers users, Entrustments entrustments, DataScopes scopes) {
		this.units = units;
		this.chains = chains;
		this.users = users;
		this.entrustments = entrustments;
		this.scopes = scopes;
	}

	/** Units that own clues: every active unit except intermediaries, the government and departments. */
	List<Choice> ownerUnits() {
		return units.all()
			.stream()
			.filter(u -> u.active() && isOwnerType(u))
			.map(u -> new Choice(String.valueOf(u.id().value()), u.name()))
			.toList();
	}

	/** The owner units the user may log a clue for (the city bureau: all of them). */
	List<Choice> editableOwnerUnits(CurrentUser user) {
		var scope = scopes.of(user);
		return units.all()
			.stream()
			.filter(u -> u.active() && isOwnerType(u) && scope.canEdit(u.id()))
			.map(u -> new Choice(String.valueOf(u.id().value()), u.name()))
			.toList();
	}

	/** Units that may be credited with a clue (resident teams, intermediaries …): every active unit. */
	List<Choice> allUnits() {
		return units.all()
			.stream()
			.filter(UnitSummary::active)
			.map(u -> new Choice(String.valueOf(u.id().value()), u.name()))
			.toList();
	}

	List<Choice> entrusting(CurrentUser user) {
		return entrustments.entrustingUnits(user.unitId())
			.stream()
			.map(u -> new Choice(String.valueOf(u.id().value()), u.name()))
			.toList();
	}

	List<Choice> chains() {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return chains.all()
			.stream()
			.filter(c -> c.active())
			.map(c -> new Choice(String.valueOf(c.id().value()), c.name(english)))
			.toList();
	}

	/** Every chain's name in the reader's language by id, for the chain of a clue in the list or on its page. */
	Map<Long, String> chainNames() {
		return chains.names("en".equals(LocaleContextHolder.getLocale().getLanguage()));
	}

	/** Possible assignees, labelled "name (unit)": of the given unit, or of every unit when {@code null}. */
	List<Choice> assignees(UnitId unit) {
		Map<UnitId, String> names = units.all()
			.stream()
			.collect(Collectors.toMap(UnitSummary::id, UnitSummary::name, (a, b) -> a));
		var list = unit == null ? users.allUnitUsers() : users.ofUnits(units.selfAndDescendants(unit));
		List<Choice> out = new ArrayList<>();
		list.forEach(a -> out.add(new Choice(String.valueOf(a.id().value()),
				a.displayName() + " (" + names.getOrDefault(a.unit(), "") + ")")));
		return out;
	}

	/** Assignees of the units the user may assign to (city bureau: all; unit manager: own unit). */
	List<Choice> assigneesFor(CurrentUser user, UnitId clueUnit) {
		return ClueAccess.cityBureau(user) ? assignees(null) : assignees(clueUnit == null ? user.unitId() : clueUnit);
	}

	private static boolean isOwnerType(UnitSummary u) {
		return switch (u.type()) {
			case "COUNTY", "ZONE", "INDUSTRY_HQ", "RESIDENT_TEAM" -> true;
			default -> false;
		};
	}
}
