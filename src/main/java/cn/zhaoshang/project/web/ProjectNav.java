package cn.zhaoshang.project.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's navigation entries. Intermediaries never see projects; only editors import; only reviewers review. */
@Configuration(proxyBeanMethods = false)
class ProjectNav {

	private static final String GROUP = "nav.group.projects";

	private static final Set<Role> READERS = Role.where(Role::isInternal);

	private static final Set<Role> EDITORS = Role.where(Role::isEditor);

	@Bean
	NavItem navProjects() {
		return new NavItem(GROUP, "nav.projects", "/projects", 100, READERS);
	}

	@Bean
	NavItem navProjectBoard() {
		return new NavItem(GROUP, "nav.projectBoard", "/projects/board", 110, READERS);
	}

	@Bean
	NavItem navProjectReview() {
		return new NavItem(GROUP, "nav.projectReview", "/projects/review", 120,
				Role.where(Role::isCityWide));
	}

	/** The city bureau edits the evidence each stage needs (系统设置, its three settings only) from the ledger menu. */
	@Bean
	NavItem navEvidenceSettings() {
		return new NavItem(GROUP, "nav.evidenceSettings", "/admin/settings", 125, Set.of(Role.CITY_SUPERVISOR));
	}

	/** A unit's monthly funds report (资金月报, issue 10): editors enter the month for their active projects. */
	@Bean
	NavItem navFundsGrid() {
		return new NavItem(GROUP, "nav.fundsGrid", "/funds/grid", 115, EDITORS);
	}

	@Bean
	NavItem navProjectImport() {
		return new NavItem(GROUP, "nav.projectImport", "/projects/import", 130, EDITORS);
	}
}
