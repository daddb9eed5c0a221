package cn.zhaoshang.dispatch.web;

import cn.zhaoshang.dispatch.ReportStatus;

/** The badge colours of the dispatch pages. */
public final class Badges {

	private Badges() {
	}

	public static String report(ReportStatus status) {
		return switch (status) {
			case SUBMITTED -> "text-bg-success";
			case DRAFT -> "text-bg-info";
			case RETURNED -> "text-bg-warning";
			case MISSING -> "text-bg-light border";
		};
	}
}
