package cn.zhaoshang.service.finance;

import jakarta.validation.constraints.Size;

/** The filters of the equity and financing lists: project code or name, unit, project, need status. */
public record FinanceFilter(@Size(max = 200) String q, Long unit, Long projectId, NeedStatus status) {

	public static FinanceFilter none() {
		return new FinanceFilter(null, null, null, null);
	}
}
