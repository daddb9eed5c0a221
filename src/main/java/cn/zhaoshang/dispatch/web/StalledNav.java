package cn.zhaoshang.dispatch.web;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stalled list's navigation entry, beside the ledger: everyone inside the government reads it. */
@Configuration(proxyBeanMethods = false)
class StalledNav {

	@Bean
	NavItem navStalledProjects() {
		return new NavItem("nav.group.supervision", "stalled.nav", "/dispatch/stalled", 310, Role.where(Role::isInternal));
	}
}
