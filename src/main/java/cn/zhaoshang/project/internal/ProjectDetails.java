package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.platform.Amount;

import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.clue.PromotionMode;

/**
 * The editable facts of a project: the create/edit form and the API body ({@code POST/PUT /api/v1/projects}).
 * Stage facts (dates, contracted/paid-in/actual investment) change only through stage moves. Amounts are in
 * 万元 (foreign investment in 万美元), never negative, at most two decimals.
 * <p>
 * {@code types} are the project's types (flags that combine); {@code type} alone (deprecated) is still accepted
 * when {@code types} is absent. {@code negotiationDate} (洽谈日期) and {@code registeredDate} (注册日期) left out
 * keep what is stored (a new project starts negotiating on the day it is entered); a registration date is
 * recorded as the REGISTERED milestone.
 */
public record ProjectDetails(
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String name,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String investorName,
		@Size(max = 18, message = "{validation.size}") String investorUscc,
		@NotNull(message = "{validation.required}") Long unitId,
		Long introUnitId,
		@Size(max = 200, message = "{validation.size}") String introducers,
		@NotNull(message = "{validation.required}") Long chainId,
		@Size(max = 100, message = "{validation.size}") String chainLink,
		ProjectType type,
		PromotionMode promotionMode,
		@NotNull(message = "{validation.required}") @Amount.Valid BigDecimal plannedInvestment,
		@Amount.Valid BigDecimal foreignInvestment,
		@Amount.Valid BigDecimal annualOutput,
		@Amount.Valid BigDecimal annualTax,
		@Min(value = 0, message = "{validation.notNegative}") Integer jobs,
		@DecimalMin(value = "0", message = "{validation.notNegative}")
		@Digits(integer = 10, fraction = 2, message = "{validation.amount}") BigDecimal landNeedMu,
		@DecimalMin(value = "0", message = "{validation.notNegative}")
		@Digits(integer = 10, fraction = 2, message = "{validation.amount}") BigDecimal factoryNeedM2,
		Boolean keyProject,
		Long leaderId,
		Long chiefAttendantId,
		@Size(max = 2000, message = "{validation.size}") String problems,
		@Size(max = 4000, message = "{validation.size}") String description,
		Integer version,
		List<ProjectType> types,
		LocalDate negotiationDate,
		LocalDate registeredDate) {

	/**
	 * Not a key project unless it says so: an unticked box sends nothing, and an API body may leave the flag out
	 * (a primitive would make Jackson 3, which refuses missing primitives, reject the smallest valid body).
	 */
	public ProjectDetails {
		keyProject = Boolean.TRUE.equals(keyProject);
	}

	/** The details without the fields of issue 10 (types, negotiation and registration dates): the single type. */
	public ProjectDetails(String name, String investorName, String investorUscc, Long unitId, Long introUnitId,
			String introducers, Long chainId, String chainLink, ProjectType type, PromotionMode promotionMode,
			BigDecimal plannedInvestment, BigDecimal foreignInvestment, BigDecimal annualOutput, BigDecimal annualTax,
			Integer jobs, BigDecimal landNeedMu, BigDecimal factoryNeedM2, Boolean keyProject, Long leaderId,
			Long chiefAttendantId, String problems, String description, Integer version) {
		this(name, investorName, investorUscc, unitId, introUnitId, introducers, chainId, chainLink, type,
				promotionMode, plannedInvestment, foreignInvestment, annualOutput, annualTax, jobs, landNeedMu,
				factoryNeedM2, keyProject, leaderId, chiefAttendantId, problems, description, version, null, null,
				null);
	}

	/**
	 * The project's types: the list {@code types} when it has any, else the single {@code type} (older clients);
	 * the rules are checked by the aggregate ({@link ProjectTypes#problem()}, field {@code types}).
	 */
	public ProjectTypes typeSet() {
		return ProjectTypes.of(types, type);
	}

	public static ProjectDetails empty(Long unitId) {
		return new ProjectDetails("", "", "", unitId, null, "", null, "", null, null, null, null, null, null,
				null, null, null, false, null, null, "", "", null, List.of(ProjectType.NEW), null, null);
	}
}
