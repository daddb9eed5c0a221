package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;

/**
 * What the land and the factory imports share: the same unit and name is the same record (a later row repeating
 * it is refused on its name), a new one is registered, a stored one changed when a cell differs and otherwise
 * counted unchanged.
 *
 * @param <I> the form's input
 * @param <S> the stored record
 */
abstract class SiteRows<I extends SiteInput, S extends Site> implements ImportRules<SiteRows.Line<I, S>> {

	/** A checked row: the facts and the stored record they change (null: a new one). */
	record Line<I, S>(I input, S existing) {
	}

	private final SiteKind kind;
	private final ImportColumns columns;
	private final Sites sites;
	private final SiteStore store;
	private final CurrentUser user;

	SiteRows(SiteKind kind, ImportColumns columns, Sites sites, SiteStore store, CurrentUser user) {
		this.kind = kind;
		this.columns = columns;
		this.sites = sites;
		this.store = store;
		this.user = user;
	}

	/** The stored record of this unit and name, if any (null when either is missing). */
	final S existing(Long unit, String name) {
		return unit == null || name == null ? null
				: store.named(kind, unit, name).flatMap(id -> store.<S>find(kind, id)).orElse(null);
	}

	/** The form filled with a stored record (what a row is compared with). */
	abstract I formOf(S existing);

	/** Whether the row's facts are those already stored (amounts equal by value, chains in any order). */
	final boolean same(S existing, I input) {
		I stored = formOf(existing);
		Map<String, Object> a = stored.params();
		Map<String, Object> b = input.params();
		return a.keySet().equals(b.keySet())
				&& a.keySet().stream().allMatch(k -> a.get(k) instanceof BigDecimal x && b.get(k) instanceof BigDecimal y
						? x.compareTo(y) == 0 : Objects.equals(a.get(k), b.get(k)))
				&& stored.chains().stream().sorted().toList().equals(input.chains().stream().sorted().toList());
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return SiteImport.MAX_ROWS;
	}

	@Override
	public List<Object> sameKeys(Line<I, S> line) {
		return List.of(line.input().unitId() + "\u0000" + line.input().name());
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("name", "import.error.duplicateRow", firstRow);
	}

	@Override
	public Outcome write(Line<I, S> line, ImportRow row) {
		if (line.existing() == null) {
			sites.create(kind, line.input(), user);
			return Outcome.CREATED;
		}
		if (same(line.existing(), line.input())) {
			return Outcome.UNCHANGED;
		}
		sites.update(kind, line.existing().id(), line.existing().version(), line.input(), user);
		return Outcome.UPDATED;
	}
}
