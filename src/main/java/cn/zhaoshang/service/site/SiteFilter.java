package cn.zhaoshang.service.site;

import jakarta.validation.constraints.Size;

/**
 * The filters of the land and factory lists (page, API, export): text in name, park, location or building; unit;
 * status ({@link ParcelStatus} or {@link FactoryStatus} by list); planned use (land only); sort and direction.
 */
public record SiteFilter(@Size(max = 200) String q, Long unit, String status, PlannedUse use, String sort,
		String dir) {

	public static SiteFilter none() {
		return new SiteFilter(null, null, null, null, null, null);
	}
}
