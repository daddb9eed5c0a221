package cn.zhaoshang.chain.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chains entry of the navigation (产业链图谱). */
@Configuration(proxyBeanMethods = false)
class ChainNav {

	@Bean
	NavItem navChains() {
		return new NavItem("nav.group.chains", "nav.chains", "/chains", 250, Role.where(Role::isInternal));
	}
}
