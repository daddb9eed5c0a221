package cn.zhaoshang.supervision.ranking;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quarterly rankings in the supervision group of the navigation. */
@Configuration(proxyBeanMethods = false)
class RankingNav {

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.CITY_SUPERVISOR, Role.UNIT_MANAGER,
			Role.UNIT_STAFF, Role.LEADER);

	@Bean
	NavItem navRankings() {
		return new NavItem("nav.group.supervision", "nav.rankings", RankingController.PAGE, 620, READERS);
	}
}
