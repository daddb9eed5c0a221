package cn.zhaoshang.platform.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own navigation entries. */
@Configuration(proxyBeanMethods = false)
class PlatformNav {

	@Bean
	NavItem navHome() {
		return new NavItem("nav.group.workbench", "nav.home", "/", 0, Set.of());
	}

	@Bean
	NavItem navUsers() {
		return new NavItem("nav.group.system", "nav.users", "/admin/users", 910, Set.of(Role.ADMIN));
	}

	@Bean
	NavItem navApiDocs() {
		return new NavItem("nav.group.system", "nav.apiDocs", "/swagger-ui/index.html", 990, Set.of(Role.ADMIN));
	}
}
