package cn.zhaoshang.service.site;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Land, factories and the stock in the element guarantees (要素保障) group of the navigation. */
@Configuration(proxyBeanMethods = false)
class SiteNav {

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navLand() {
		return new NavItem("nav.group.projects", "nav.land", SiteController.LAND, 700, INTERNAL);
	}

	@Bean
	NavItem navFactories() {
		return new NavItem("nav.group.projects", "nav.factories", SiteController.FACTORIES, 710, INTERNAL);
	}

	@Bean
	NavItem navStock() {
		return new NavItem("nav.group.projects", "nav.siteStock", SiteController.STOCK, 720, INTERNAL);
	}
}
