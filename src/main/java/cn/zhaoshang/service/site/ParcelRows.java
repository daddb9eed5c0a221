package cn.zhaoshang.service.site;

import java.util.Map;
import java.util.Objects;

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
	private final Sites sites;
	private final SiteStore store;
	private final CurrentUser user;

	ParcelRows(ImportColumns columns, SiteCells cells, Map<String, PlannedUse> uses, Map<String, Long> chains,
			Sites sites, SiteStore store, CurrentUser user) {
		super(columns);
		this.cells = cells;
		this.uses = uses;
		this.chains = chains;
		this.sites = sites;
		this.store = store;
		this.user = user;
	}

	@Override
	public Line<ParcelInput, LandParcel> check(ImportRow row) {
		int mark = row.errorCount();
		Long unit = cells.unit(row, "unitId");
		String name = cells.text(row, "name", 200, true, null);
		LandParcel existing = unit == null || name == null ? null
				: store.parcelNamed(unit, name).flatMap(store::parcel).orElse(null);
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
	String key(ParcelInput in) {
		return in.unitId() + "\u0000" + in.name();
	}

	@Override
	void create(ParcelInput in) {
		sites.createParcel(in, user);
	}

	@Override
	void update(LandParcel existing, ParcelInput in) {
		sites.updateParcel(existing.id(), existing.version(), in, user);
	}

	@Override
	boolean same(LandParcel existing, ParcelInput in) {
		return same(ParcelInput.of(existing), in);
	}

	private static boolean same(ParcelInput a, ParcelInput b) {
		return Objects.equals(a.park(), b.park()) && Objects.equals(a.location(), b.location())
				&& a.areaMu().compareTo(b.areaMu()) == 0 && a.plannedUse() == b.plannedUse()
				&& a.chains().stream().sorted().toList().equals(b.chains().stream().sorted().toList())
				&& ParcelInput.yes(a.waterReady()) == ParcelInput.yes(b.waterReady())
				&& Objects.equals(a.waterDate(), b.waterDate())
				&& ParcelInput.yes(a.powerReady()) == ParcelInput.yes(b.powerReady())
				&& Objects.equals(a.powerDate(), b.powerDate())
				&& ParcelInput.yes(a.gasReady()) == ParcelInput.yes(b.gasReady())
				&& Objects.equals(a.gasDate(), b.gasDate())
				&& ParcelInput.yes(a.roadReady()) == ParcelInput.yes(b.roadReady())
				&& Objects.equals(a.roadDate(), b.roadDate()) && SiteImport.sameNumber(a.price(), b.price())
				&& Objects.equals(a.note(), b.note());
	}
}
