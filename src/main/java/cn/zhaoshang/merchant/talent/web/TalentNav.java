package cn.zhaoshang.merchant.talent.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The talent directory's navigation entry: every internal role, never intermediaries. */
@Configuration(proxyBeanMethods = false)
class TalentNav {

	@Bean
	NavItem navTalents() {
		return new NavItem("nav.group.merchants", "talent.nav.list", "/talents", 240, Set.of(Role.ADMIN,
				Role.CITY_SUPERVISOR, Role.UNIT_MANAGER, Role.UNIT_STAFF, Role.LEADER, Role.VIEWER));
	}
}
