package cn.zhaoshang.dispatch.internal;

import jakarta.validation.constraints.Size;

import cn.zhaoshang.dispatch.ReportStatus;

/** The scope table's filters on a round page: text in the project's code or name, unit, report status; sort. */
public record ScopeFilter(@Size(max = 200) String q, Long unit, ReportStatus report, String sort, String dir) {

	public static ScopeFilter none() {
		return new ScopeFilter(null, null, null, null, null);
	}
}
