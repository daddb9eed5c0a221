package cn.zhaoshang.merchant.web;


import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The merchant database in the navigation: every internal role reads; the editing roles import. */
@Configuration(proxyBeanMethods = false)
class MerchantNav {

	/** The group the clue database shares (客商与线索). */
	static final String GROUP = "nav.group.merchants";

	@Bean
	NavItem navMerchants() {
		return new NavItem(GROUP, "nav.merchants", "/merchants", 220, Role.where(Role::isInternal));
	}

	@Bean
	NavItem navMerchantImport() {
		return new NavItem(GROUP, "nav.merchantImport", "/merchants/import", 230,
				Role.where(Role::isEditor));
	}
}
