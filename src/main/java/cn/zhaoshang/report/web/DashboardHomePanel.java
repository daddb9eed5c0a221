package cn.zhaoshang.report.web;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.HomePanel;
import cn.zhaoshang.platform.Role;

import org.springframework.stereotype.Component;

/** The dashboard on the home page of every internal user (intermediaries have none). */
@Component
class DashboardHomePanel implements HomePanel {

	@Override
	public String template(CurrentUser user) {
		return user == null || user.role() == Role.INTERMEDIARY ? null : "report/dashboard.jte";
	}

	@Override
	public int order() {
		return 50;
	}
}
