package cn.zhaoshang.service.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The inputs of equity and financing, from the page forms and the API alike (amounts in 万元). */
public final class FinanceInputs {

	private FinanceInputs() {
	}

	/**
	 * A county's equity stake in a project (by id, or by code on the page): the participating unit (blank: the
	 * project's), the investing vehicle, amount, share (%), date and exit plan.
	 */
	public record Stake(Long projectId, @Size(max = 20) String projectCode, Long unitId, @NotBlank @Size(max = 200) String vehicle,
			@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal stakeAmount,
			@NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal sharePct,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate investedOn,
			@Size(max = 1000) String exitPlan) {
	}

	/** A change of a stake's facts at the version read (its project and unit stay). */
	public record StakeEdit(@NotBlank @Size(max = 200) String vehicle,
			@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal stakeAmount,
			@NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal sharePct,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate investedOn,
			@Size(max = 1000) String exitPlan, @NotNull Integer version) {
	}

	/** A change of a financing need's amount and purpose at the version read. */
	public record NeedEdit(@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal needAmount,
			@NotBlank @Size(max = 500) String purpose, @NotNull Integer version) {
	}

	/** An exit event of a stake and what it returned. */
	public record Event(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate eventDate,
			@NotNull EquityEventKind kind, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal eventAmount,
			@Size(max = 1000) String note, Integer version) {
	}

	/** A project's financing need (the project by id, or by code on the page). */
	public record Need(Long projectId, @Size(max = 20) String projectCode,
			@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal needAmount,
			@NotBlank @Size(max = 500) String purpose) {
	}

	/** A bank's product offered for a need. */
	public record Offer(@NotBlank @Size(max = 200) String bank, @NotBlank @Size(max = 200) String product,
			@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal offerAmount,
			@DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal ratePct,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate offeredOn,
			@Size(max = 1000) String note, Integer version) {
	}

	/** A need's new status at the version read. */
	public record Status(@NotNull NeedStatus status, Integer version) {
	}
}
