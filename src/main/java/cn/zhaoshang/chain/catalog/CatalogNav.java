package cn.zhaoshang.chain.catalog;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's navigation entry, beside the clues: everyone inside the government reads it. */
@Configuration(proxyBeanMethods = false)
class CatalogNav {

	@Bean
	NavItem navCatalog() {
		return new NavItem("nav.group.merchants", "catalog.nav", "/catalog-projects", 210, Role.where(Role::isInternal));
	}
}
