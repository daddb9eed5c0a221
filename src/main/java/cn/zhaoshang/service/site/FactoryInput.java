package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A standard factory as registered or changed, from the page form or {@code POST /api/v1/factories}: floor area in
 * m², floor load in kN/m², crane tonnage, rent in yuan per m² per month.
 */
public record FactoryInput(@NotNull Long unitId, @NotBlank @Size(max = 200) String name,
		@Size(max = 200) String park, @Size(max = 100) String building,
		@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal floorAreaM2,
		@Min(1) @Max(100) Integer floors, @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal floorLoad,
		Boolean crane, @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal craneTons,
		@DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal rent, @Size(max = 1000) String note,
		Integer version) implements SiteInput {

	static FactoryInput empty(Long unitId) {
		return new FactoryInput(unitId, null, null, null, null, 1, null, false, null, null, null, null);
	}

	static FactoryInput of(Factory f) {
		return new FactoryInput(f.unitId(), f.name(), f.park(), f.building(), f.floorAreaM2(), f.floors(),
				f.floorLoad(), f.crane(), f.craneTons(), f.rent(), f.note(), f.version());
	}

	@Override
	public Map<String, Object> params() {
		return SiteInput.params(this, park, note, "building", SiteStore.blank(building), "area", floorAreaM2,
				"floors", floors == null ? 1 : floors, "load", floorLoad, "crane", Boolean.TRUE.equals(crane), "tons",
				craneTons, "rent", rent);
	}
}
