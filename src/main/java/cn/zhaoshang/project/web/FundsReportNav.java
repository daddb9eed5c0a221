package cn.zhaoshang.project.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

/** The funds report's navigation entries: the totals for every internal role, the import for editors. */
@Configuration(proxyBeanMethods = false)
class FundsReportNav {

	private static final String GROUP = "nav.group.projects";

	@Bean
	NavItem navFunds() {
		return new NavItem(GROUP, "nav.fundsReport", "/funds", 140, Role.where(Role::isInternal));
	}

	@Bean
	NavItem navFundsImport() {
		return new NavItem(GROUP, "nav.fundsReportImport", "/funds/import", 145, Set.copyOf(Role.where(Role::isEditor)));
	}
}
