package cn.zhaoshang.allocation.internal;

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

/**
 * The notices of transfers: a proposal to the receiving unit's managers (and the introducing unit's when the bureau
 * proposed), an answer to the introducing unit and to whoever proposed, an agreement changed by the bureau to both
 * units.
 */
@Component
class AllocationNotices {

	static final String PROPOSED = "transferProposed";
	static final String DECIDED = "transferDecided";

	private final Notifications notifications;

	AllocationNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	private Set<UserId> unit(long unitId) {
		Set<UserId> to = new LinkedHashSet<>(notifications.users(Role.UNIT_MANAGER, new UnitId(unitId)));
		to.addAll(notifications.users(Role.UNIT_STAFF, new UnitId(unitId)));
		return to;
	}

	void proposed(Transfer t, CurrentUser by) {
		Set<UserId> to = new LinkedHashSet<>(notifications.users(Role.UNIT_MANAGER, new UnitId(t.toUnitId())));
		if (by.role().isCityWide()) {
			to.addAll(unit(t.fromUnitId()));
		}
		to.remove(by.id());
		for (UserId u : to) {
			notifications.notify(u, PROPOSED, "transfer.notice.proposed",
					new Object[] { t.subjectName(), t.fromUnitName(), t.toUnitName() }, "/allocation/transfers/" + t.id());
		}
	}

	void decided(Transfer t, boolean accepted, CurrentUser by) {
		Set<UserId> to = unit(t.fromUnitId());
		notifications.user(t.proposedBy()).ifPresent(to::add);
		if (by.role().isCityWide()) {
			to.addAll(notifications.users(Role.UNIT_MANAGER, new UnitId(t.toUnitId())));
		}
		to.remove(by.id());
		for (UserId u : to) {
			notifications.notify(u, DECIDED, accepted ? "transfer.notice.accepted" : "transfer.notice.declined",
					new Object[] { t.subjectName(), t.toUnitName() }, "/allocation/transfers/" + t.id());
		}
	}

	void agreementChanged(Transfer t, CurrentUser by) {
		Set<UserId> to = unit(t.fromUnitId());
		to.addAll(unit(t.toUnitId()));
		to.remove(by.id());
		for (UserId u : to) {
			notifications.notify(u, DECIDED, "transfer.notice.agreementChanged",
					new Object[] { t.subjectName() }, "/allocation/transfers/" + t.id());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind transferProposedKind() {
			return new NotificationKind(PROPOSED, "notice.kind." + PROPOSED, "notice.kind." + PROPOSED + ".help", 80);
		}

		@Bean
		NotificationKind transferDecidedKind() {
			return new NotificationKind(DECIDED, "notice.kind." + DECIDED, "notice.kind." + DECIDED + ".help", 81);
		}
	}
}
