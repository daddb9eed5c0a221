package cn.zhaoshang.activity.training;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The training entries of the navigation (培训). */
@Configuration(proxyBeanMethods = false)
class TrainingNav {

	private static final Set<Role> READERS = Role.where(Role::isInternal);

	@Bean
	NavItem navActivityTrainings() {
		return new NavItem("nav.group.activities", "nav.activityTrainings", TrainingController.PAGE, 430, READERS);
	}

	@Bean
	NavItem navActivityTrainingHours() {
		return new NavItem("nav.group.activities", "nav.activityTrainingHours", TrainingController.PAGE + "/hours", 435,
				READERS);
	}

	@Bean
	NavItem navActivityCooperations() {
		return new NavItem("nav.group.merchants", "nav.activityCooperations", CooperationController.PAGE, 245,
				READERS);
	}
}
