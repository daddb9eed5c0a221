package cn.zhaoshang.platform.setting;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administrator's entry to the 系统设置 page. */
@Configuration(proxyBeanMethods = false)
class SettingNav {

	@Bean
	NavItem navSettings() {
		return new NavItem("nav.group.system", "setting.nav", "/admin/settings", 920, Set.of(Role.ADMIN));
	}
}
