package cn.zhaoshang.activity.trip;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The navigation entries of trips, their compliance and the leaders' three projects. */
@Configuration(proxyBeanMethods = false)
class TripNav {

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navTrips() {
		return new NavItem("nav.group.activities", "nav.trips", "/activity/trips", 600, INTERNAL);
	}

	@Bean
	NavItem navTripCompliance() {
		return new NavItem("nav.group.activities", "nav.tripCompliance", "/activity/trip-compliance", 610, INTERNAL);
	}

	@Bean
	NavItem navLeaders() {
		return new NavItem("nav.group.activities", "nav.leaderProjects", "/activity/leaders", 620, INTERNAL);
	}

	@Bean
	NavItem navMyProjects() {
		return new NavItem("nav.group.activities", "nav.myThreeProjects", "/activity/leaders/me", 605,
				Set.of(Role.LEADER));
	}
}
