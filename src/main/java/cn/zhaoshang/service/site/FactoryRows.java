package cn.zhaoshang.service.site;

import java.util.Objects;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportRow;

/**
 * The rules of one factory import: a row is a factory as the form would register it; the same name in the same
 * unit is the same factory (changed when a cell differs, else counted unchanged; a column left out keeps what it has).
 */
final class FactoryRows extends SiteRows<FactoryInput, Factory> {

	private final SiteCells cells;
	private final Sites sites;
	private final SiteStore store;
	private final CurrentUser user;

	FactoryRows(ImportColumns columns, SiteCells cells, Sites sites, SiteStore store, CurrentUser user) {
		super(columns);
		this.cells = cells;
		this.sites = sites;
		this.store = store;
		this.user = user;
	}

	@Override
	public Line<FactoryInput, Factory> check(ImportRow row) {
		int mark = row.errorCount();
		Long unit = cells.unit(row, "unitId");
		String name = cells.text(row, "name", 200, true, null);
		Factory existing = unit == null || name == null ? null
				: store.factoryNamed(unit, name).flatMap(store::factory).orElse(null);
		FactoryInput old = existing == null ? FactoryInput.empty(unit) : FactoryInput.of(existing);
		Integer floors = cells.integer(row, "floors", 1, 100, old.floors());
		var in = new FactoryInput(unit, name, cells.text(row, "park", 200, false, old.park()),
				cells.text(row, "building", 100, false, old.building()),
				cells.number(row, "floorAreaM2", 10, existing == null, true, old.floorAreaM2()),
				floors == null ? 1 : floors, cells.number(row, "floorLoad", 6, false, false, old.floorLoad()),
				cells.yesNo(row, "crane", old.crane()), cells.number(row, "craneTons", 6, false, false, old.craneTons()),
				cells.number(row, "rent", 8, false, false, old.rent()),
				cells.text(row, "note", 1000, false, old.note()), existing == null ? null : existing.version());
		if (row.errorCount() == mark && in.floorAreaM2() == null) {
			row.refuse("floorAreaM2", "validation.required");
		}
		return row.errorCount() > mark ? null : new Line<>(in, existing);
	}

	@Override
	String key(FactoryInput in) {
		return in.unitId() + "\u0000" + in.name();
	}

	@Override
	void create(FactoryInput in) {
		sites.createFactory(in, user);
	}

	@Override
	void update(Factory existing, FactoryInput in) {
		sites.updateFactory(existing.id(), existing.version(), in, user);
	}

	@Override
	boolean same(Factory existing, FactoryInput in) {
		return same(FactoryInput.of(existing), in);
	}

	private static boolean same(FactoryInput a, FactoryInput b) {
		return Objects.equals(a.park(), b.park()) && Objects.equals(a.building(), b.building())
				&& SiteImport.sameNumber(a.floorAreaM2(), b.floorAreaM2()) && Objects.equals(a.floors(), b.floors())
				&& SiteImport.sameNumber(a.floorLoad(), b.floorLoad()) && Objects.equals(a.crane(), b.crane())
				&& SiteImport.sameNumber(a.craneTons(), b.craneTons()) && SiteImport.sameNumber(a.rent(), b.rent())
				&& Objects.equals(a.note(), b.note());
	}
}
