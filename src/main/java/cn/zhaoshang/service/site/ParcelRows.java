package cn.zhaoshang.service.site;

import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportRow;

/**
 * The rules of one land parcel import: a row is a parcel as the form would register it; the same name in the same
 * unit is the same parcel (changed when a cell differs, else counted unchanged; a column left out keeps what it has).
 */
final class ParcelRows extends SiteRows<ParcelInput, LandParcel> {

	private final SiteCells cells;
	private final Map<String, PlannedUse> uses;
	private final Map<String, Long> chains;

	ParcelRows(ImportColumns columns, SiteCells cells, Map<String, PlannedUse> uses, Map<String, Long> chains,
			Sites sites, SiteStore store, CurrentUser user) {
		super(SiteKind.LAND, columns, sites, store, user);
		this.cells = cells;
		this.uses = uses;
		this.chains = chains;
	}

	@Override
	public Line<ParcelInput, LandParcel> check(ImportRow row) {
		int mark = row.errorCount();
		Long unit = cells.unit(row, "unitId");
		String name = cells.text(row, "name", 200, true, null);
		LandParcel existing = existing(unit, name);
		ParcelInput old = existing == null ? ParcelInput.empty(unit) : ParcelInput.of(existing);
		var in = new ParcelInput(unit, name, cells.text(row, "park", 200, false, old.park()),
				cells.text(row, "location", 300, false, old.location()),
				cells.number(row, "areaMu", 10, existing == null, true, old.areaMu()),
				cells.choice(row, "plannedUse", uses, existing == null, old.plannedUse()),
				cells.names(row, "chainIds", chains, old.chainIds()),
				cells.yesNo(row, "waterReady", old.waterReady()), cells.date(row, "waterDate", old.waterDate()),
				cells.yesNo(row, "powerReady", old.powerReady()), cells.date(row, "powerDate", old.powerDate()),
				cells.yesNo(row, "gasReady", old.gasReady()), cells.date(row, "gasDate", old.gasDate()),
				cells.yesNo(row, "roadReady", old.roadReady()), cells.date(row, "roadDate", old.roadDate()),
				cells.number(row, "price", 10, false, false, old.price()),
				cells.text(row, "note", 1000, false, old.note()), existing == null ? null : existing.version());
		if (row.errorCount() > mark) {
			return null;
		}
		if (in.areaMu() == null) {
			row.refuse("areaMu", "validation.required");
		}
		if (in.plannedUse() == null) {
			row.refuse("plannedUse", "validation.required");
		}
		return row.errorCount() > mark ? null : new Line<>(in, existing);
	}

	@Override
	ParcelInput formOf(LandParcel existing) {
		return ParcelInput.of(existing);
	}
}
