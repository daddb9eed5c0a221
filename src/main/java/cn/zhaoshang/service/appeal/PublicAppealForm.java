package cn.zhaoshang.service.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An appeal from the public form or the anonymous JSON ({@code POST /api/v1/public/appeals}); {@code website} is the
 * honeypot (people leave it empty). Channel ONLINE; the city bureau assigns it.
 */
public record PublicAppealForm(
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String enterpriseName,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String contactName,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String contact,
		@NotNull(message = "{validation.required}") AppealCategory category,
		@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size}") String content,
		@Size(max = 200, message = "{validation.size}") String website) {

	public static PublicAppealForm empty() {
		return new PublicAppealForm("", "", "", AppealCategory.OTHER, "", "");
	}
}
