package cn.zhaoshang.service.appeal;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The appeal list's filters (page, export, {@code GET /api/v1/appeals}). {@code overdue}: answer owed past due. */
public record AppealFilter(@Size(max = 200, message = "{validation.size}") String q, AppealStatus status,
		AppealChannel channel, AppealCategory category, Long unit, Boolean overdue,
		@Pattern(regexp = "created|due|enterprise|status", message = "{validation.invalidValue}") String sort,
		@Pattern(regexp = "asc|desc", message = "{validation.invalidValue}") String dir) {

	public static AppealFilter none() {
		return new AppealFilter(null, null, null, null, null, null, null, null);
	}
}
