package cn.zhaoshang.org.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.org.UnitType;

/** What an administrator enters for a unit; also the API's body. */
public record UnitForm(
		@NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size}")
		@Pattern(regexp = "[a-z0-9][a-z0-9.-]*", message = "{validation.code}") String code,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
		@Size(max = 40, message = "{validation.size}") String shortName,
		@NotNull(message = "{validation.required}") UnitType type,
		Long parentId,
		@Size(max = 100, message = "{validation.size}") String region,
		@Size(max = 40, message = "{validation.size}") String phone,
		@Size(max = 200, message = "{validation.size}") String address,
		@Min(value = 0, message = "{validation.min}") @Max(value = 9999, message = "{validation.max}") Integer sortOrder,
		// Boolean, not boolean: an unticked checkbox sends nothing, and a missing primitive fails constructor binding.
		Boolean stageReviewRequired,
		Integer version) {

	public static UnitForm empty() {
		return new UnitForm("", "", "", UnitType.COUNTY, null, "", "", "", 0, false, null);
	}

	public static UnitForm of(Unit u) {
		return new UnitForm(u.code, u.name, u.shortName, u.type, u.parentId, u.region, u.phone, u.address,
				u.sortOrder, u.stageReviewRequired, u.version);
	}
}
