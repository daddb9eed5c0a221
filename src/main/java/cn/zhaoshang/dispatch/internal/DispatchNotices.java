package cn.zhaoshang.dispatch.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The notices of the dispatch rounds: deadline reminders to the units, a returned report to its unit. */
@Component
class DispatchNotices {

	static final String REMINDER = "dispatchReminder";
	static final String RETURNED = "dispatchReturned";

	private final Notifications notifications;

	DispatchNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The unit's managers and staff: those who write its reports. */
	Set<UserId> reporters(long unitId) {
		Set<UserId> to = new LinkedHashSet<>(notifications.users(Role.UNIT_MANAGER, new UnitId(unitId)));
		to.addAll(notifications.users(Role.UNIT_STAFF, new UnitId(unitId)));
		return to;
	}

	void returned(DispatchRound round, ScopeRow row, String project, String comment, CurrentUser by) {
		Set<UserId> to = reporters(row.unitId());
		to.remove(by.id());
		for (UserId user : to) {
			notifications.notify(user, RETURNED, "dispatch.notice.returned",
					new Object[] { round.name(), project, comment },
					"/dispatch/rounds/" + round.id() + "/reports/" + row.projectId());
		}
	}

	/** Tells a unit's reporters: {@code ahead} N days before the deadline, else on the deadline about what is missing. */
	int remind(DispatchRound round, long unitId, boolean ahead, long missing) {
		int sent = 0;
		for (UserId user : reporters(unitId)) {
			notifications.notify(user, REMINDER, ahead ? "dispatch.notice.reminder" : "dispatch.notice.due",
					new Object[] { round.name(), round.deadline().toString(), missing },
					"/dispatch/rounds/" + round.id());
			sent++;
		}
		return sent;
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind dispatchReminderKind() {
			return new NotificationKind(REMINDER, "notice.kind." + REMINDER, "notice.kind." + REMINDER + ".help", 70);
		}

		@Bean
		NotificationKind dispatchReturnedKind() {
			return new NotificationKind(RETURNED, "notice.kind." + RETURNED, "notice.kind." + RETURNED + ".help", 71);
		}
	}
}
