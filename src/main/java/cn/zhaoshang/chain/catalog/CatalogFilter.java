package cn.zhaoshang.chain.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The catalog list's filters (internal page, export, {@code GET /api/v1/catalog}; the public page uses
 * {@code q}, {@code chain} and {@code unit} only): text in the names, summaries and location, chain, unit, status.
 */
public record CatalogFilter(@Size(max = 200, message = "{validation.size}") String q, Long chain, Long unit,
		CatalogStatus status,
		@Pattern(regexp = "status|name|investment|land|unit|published|updated",
				message = "{validation.invalidValue}") String sort,
		@Pattern(regexp = "asc|desc", message = "{validation.invalidValue}") String dir) {

	public static CatalogFilter none() {
		return new CatalogFilter(null, null, null, null, null, null);
	}
}
