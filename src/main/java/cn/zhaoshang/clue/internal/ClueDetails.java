package cn.zhaoshang.clue.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.platform.Amount;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.PromotionMode;

/**
 * The editable facts of a clue: the create/edit form and the API body ({@code POST/PUT /api/v1/clues}). The owner
 * unit is set on creation (then only by assignment); status only through transitions. The estimated investment is
 * in 万元, never negative, at most two decimals.
 *
 * @param merchantId an enterprise of the database picked from the matches; {@code null} keeps the free text
 * @param ownerUnitId on creation only: the owning unit, {@code null} for the city pool (city bureau only)
 */
public record ClueDetails(
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String clueTitle,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String enterpriseName,
		Long merchantId,
		@NotNull(message = "{validation.required}") Long chainId,
		@Size(max = 100, message = "{validation.size}") String chainLink,
		@Amount.Valid BigDecimal estimatedInvestment,
		PromotionMode promotionMode,
		@NotNull(message = "{validation.required}") ClueSource source,
		Long sourceUnitId,
		@Size(max = 200, message = "{validation.size}") String sourceCredit,
		Long ownerUnitId,
		Long assigneeId,
		@Size(max = 4000, message = "{validation.size}") String notes,
		Integer version) {

	public static ClueDetails empty(Long ownerUnitId) {
		return new ClueDetails("", "", null, null, "", null, null, ClueSource.OTHER, null, "", ownerUnitId, null, "",
				null);
	}
}
