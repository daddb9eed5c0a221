package cn.zhaoshang.platform.setting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The entry to the 系统设置 page: for administrators, and for any role a module lets change one of its settings. */
@Configuration(proxyBeanMethods = false)
class SettingNav {

	@Bean
	NavItem navSettings(List<SettingDefinition> definitions) {
		Set<Role> roles = EnumSet.of(Role.ADMIN);
		definitions.forEach(d -> roles.addAll(d.editors()));
		return new NavItem("nav.group.system", "setting.nav", "/admin/settings", 920, Set.copyOf(roles));
	}
}
