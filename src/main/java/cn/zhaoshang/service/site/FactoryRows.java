package cn.zhaoshang.service.site;


import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportRow;

/**
 * The rules of one factory import: a row is a factory as the form would register it; the same name in the same
 * unit is the same factory (changed when a cell differs, else counted unchanged; a column left out keeps what it has).
 */
final class FactoryRows extends SiteRows<FactoryInput, Factory> {

	private final SiteCells cells;

	FactoryRows(ImportColumns columns, SiteCells cells, Sites sites, SiteStore store, CurrentUser user) {
		super(SiteKind.FACTORY, columns, sites, store, user);
		this.cells = cells;
	}

	@Override
	public Line<FactoryInput, Factory> check(ImportRow row) {
		int mark = row.errorCount();
		Long unit = cells.unit(row, "unitId");
		String name = cells.text(row, "name", 200, true, null);
		Factory existing = existing(unit, name);
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
	FactoryInput formOf(Factory existing) {
		return FactoryInput.of(existing);
	}
}
