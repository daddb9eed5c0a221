package cn.zhaoshang.service.appeal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An appeal filed inside the government ({@code POST /api/v1/appeals}, the 登记诉求 form): the enterprise from the
 * database ({@code merchantId}) or by name, the project if any, channel, category and what the enterprise asks;
 * optionally the unit to answer it (else the city bureau's queue).
 */
public record AppealInput(Long merchantId, @Size(max = 200, message = "{validation.size}") String enterpriseName,
		Long projectId, @NotNull(message = "{validation.required}") AppealChannel channel,
		@NotNull(message = "{validation.required}") AppealCategory category,
		@Size(max = 4000, message = "{validation.size}") String content,
		@Size(max = 100, message = "{validation.size}") String contactName,
		@Size(max = 100, message = "{validation.size}") String contact, Long assignedUnitId) {

	public static AppealInput empty() {
		return new AppealInput(null, "", null, AppealChannel.MAYOR_HOTLINE, AppealCategory.OTHER, "", "", "", null);
	}
}
