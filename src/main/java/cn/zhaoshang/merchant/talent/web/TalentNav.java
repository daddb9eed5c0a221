package cn.zhaoshang.merchant.talent.web;


import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The talent directory's navigation entry: every internal role, never intermediaries. */
@Configuration(proxyBeanMethods = false)
class TalentNav {

	@Bean
	NavItem navTalents() {
		return new NavItem("nav.group.merchants", "talent.nav.list", "/talents", 240, 
				Role.where(Role::isInternal));
	}
}
