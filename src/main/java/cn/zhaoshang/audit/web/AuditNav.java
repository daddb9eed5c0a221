package cn.zhaoshang.audit.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's navigation entry. */
@Configuration(proxyBeanMethods = false)
class AuditNav {

	@Bean
	NavItem navAudit() {
		return new NavItem("nav.group.system", "nav.audit", "/admin/audit", 920, Set.of(Role.ADMIN));
	}
}
