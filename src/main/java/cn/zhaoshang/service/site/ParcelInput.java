package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A net land parcel as registered or changed, from the page form or {@code POST /api/v1/land-parcels}: area in 亩,
 * price in 万元 per 亩, each infrastructure item ready or not with the date it was (or will be) ready; {@code version}
 * is the version read when changing one.
 */
public record ParcelInput(@NotNull Long unitId, @NotBlank @Size(max = 200) String name, @Size(max = 200) String park,
		@Size(max = 300) String location,
		@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal areaMu,
		@NotNull PlannedUse plannedUse, List<Long> chainIds, Boolean waterReady,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate waterDate, Boolean powerReady,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate powerDate, Boolean gasReady,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate gasDate, Boolean roadReady,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate roadDate,
		@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal price, @Size(max = 1000) String note,
		Integer version) implements SiteInput {

	/** An empty form (the unit proposed). */
	static ParcelInput empty(Long unitId) {
		return new ParcelInput(unitId, null, null, null, null, PlannedUse.INDUSTRIAL, List.of(), false, null, false,
				null, false, null, false, null, null, null, null);
	}

	/** The form filled with a stored parcel, to change it. */
	static ParcelInput of(LandParcel p) {
		return new ParcelInput(p.unitId(), p.name(), p.park(), p.location(), p.areaMu(), p.plannedUse(), p.chainIds(),
				p.waterReady(), p.waterDate(), p.powerReady(), p.powerDate(), p.gasReady(), p.gasDate(), p.roadReady(),
				p.roadDate(), p.price(), p.note(), p.version());
	}

	@Override
	public List<Long> chains() {
		return chainIds == null ? List.of() : chainIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	@Override
	public Map<String, Object> params() {
		return SiteInput.params(this, park, note, "location", SiteStore.blank(location), "area", areaMu, "use",
				plannedUse.name(), "water", yes(waterReady), "waterDate", waterDate, "power", yes(powerReady),
				"powerDate", powerDate, "gas", yes(gasReady), "gasDate", gasDate, "road", yes(roadReady), "roadDate",
				roadDate, "price", price);
	}

	static boolean yes(Boolean b) {
		return Boolean.TRUE.equals(b);
	}
}
