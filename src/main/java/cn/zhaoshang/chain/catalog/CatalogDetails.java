package cn.zhaoshang.chain.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.platform.Amount;

/**
 * The editable facts of a catalog project: the form and the API body ({@code POST /api/v1/catalog}). Amounts in
 * 万元, land in 亩; names and summaries in Chinese and English (the public page shows the reader's language).
 */
public record CatalogDetails(
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String name,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String nameEn,
		@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size}") String description,
		@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size}") String descriptionEn,
		@NotNull(message = "{validation.required}") Long chainId,
		Long linkId,
		@NotNull(message = "{validation.required}") Long unitId,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String location,
		@DecimalMin(value = "0", message = "{validation.notNegative}")
		@Digits(integer = 10, fraction = 2, message = "{validation.amount}") BigDecimal landMu,
		@NotNull(message = "{validation.required}") @Amount.Valid BigDecimal totalInvestment,
		@NotNull(message = "{validation.required}") InvestmentForm investmentForm,
		@Size(max = 2000, message = "{validation.size}") String expectedReturns,
		@Size(max = 2000, message = "{validation.size}") String expectedReturnsEn,
		@Size(max = 2000, message = "{validation.size}") String conditions,
		@Size(max = 2000, message = "{validation.size}") String conditionsEn,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String contactUnit,
		Integer version) {

	public static CatalogDetails empty(Long unitId) {
		return new CatalogDetails("", "", "", "", null, null, unitId, "", null, null, InvestmentForm.ANY, "", "", "", "",
				"", null);
	}
}
