package cn.zhaoshang.project.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

/**
 * What every row of one ledger import is checked against, loaded once: the sheet's columns, the importer's scope,
 * today, and units, chains and people by name.
 */
final class LedgerReferenceData {

	final Map<LedgerColumn, Integer> columns;
	final DataScope scope;
	final LocalDate today;
	final Map<String, UnitSummary> unitsByName = new HashMap<>();
	final Map<UnitId, UnitSummary> unitsById = new HashMap<>();
	/** By code, and by name (a name wins over another chain's equal code). */
	final Map<String, Chain> chainsByName = new HashMap<>();
	final Map<String, List<People.PersonSummary>> peopleByName;

	LedgerReferenceData(Map<LedgerColumn, Integer> columns, DataScope scope, LocalDate today, List<UnitSummary> units,
			List<Chain> chains, List<People.PersonSummary> people) {
		this.columns = columns;
		this.scope = scope;
		this.today = today;
		for (UnitSummary u : units) {
			unitsByName.putIfAbsent(u.name(), u);
			unitsById.put(u.id(), u);
		}
		for (Chain c : chains) {
			chainsByName.putIfAbsent(c.code(), c);
		}
		for (Chain c : chains) {
			chainsByName.put(c.name(), c);
		}
		peopleByName = people.stream().collect(Collectors.groupingBy(People.PersonSummary::name));
	}

	static LedgerReferenceData load(Map<LedgerColumn, Integer> columns, DataScope scope, LocalDate today, Units units,
			Chains chains, People people) {
		return new LedgerReferenceData(columns, scope, today, units.all(), chains.all(), people.summaries());
	}

	/** Whether the sheet has this column (a column left out keeps what an existing project has). */
	boolean present(LedgerColumn c) {
		return columns.containsKey(c);
	}

	/** The person's id when exactly one person has this name; otherwise the name stays text only. */
	Long person(String name) {
		var matches = peopleByName.getOrDefault(name, List.of());
		return matches.size() == 1 ? matches.get(0).id().value() : null;
	}
}
