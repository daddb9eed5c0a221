package cn.zhaoshang.partner.web;

import java.util.EnumSet;
import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner entries of the navigation (委托招商). */
@Configuration(proxyBeanMethods = false)
class PartnerNav {

	private static final String GROUP = "nav.group.activities";

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navPartnerAgreements() {
		return new NavItem(GROUP, "nav.partnerAgreements", "/partner/agreements", 600, INTERNAL);
	}

	@Bean
	NavItem navPartnerRewards() {
		return new NavItem(GROUP, "nav.partnerRewards", "/partner/rewards", 605, INTERNAL);
	}

	@Bean
	NavItem navPartnerConsultants() {
		return new NavItem(GROUP, "nav.partnerConsultants", "/partner/consultants", 610, INTERNAL);
	}

	@Bean
	NavItem navPartnerMine() {
		return new NavItem(GROUP, "nav.partnerMine", "/partner/mine", 615, EnumSet.of(Role.INTERMEDIARY));
	}
}
