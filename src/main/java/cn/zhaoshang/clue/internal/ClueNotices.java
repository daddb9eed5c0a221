package cn.zhaoshang.clue.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.zhaoshang.clue.ClueAssigned;
import cn.zhaoshang.clue.ClueCreated;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UserId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices for the clue database's hand-overs (issue 8), written after the change commits: a clue assigned or
 * reassigned (to the new assignee and the receiving unit's managers; a clue logged with an assignee counts as
 * assigned), a clue submitted by an intermediary (to the receiving unit's managers). Nobody is told of their own
 * action.
 */
@Component
class ClueNotices {

	static final String ASSIGNED = "clueAssigned";
	static final String SUBMITTED = "clueSubmitted";
	static final String STALE = "clueStale";

	private final Notifications notifications;
	private final ClueLookup clues;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	ClueNotices(Notifications notifications, ClueLookup clues, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.notifications = notifications;
		this.clues = clues;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ClueAssigned event) {
		if (event.returnedToPool()) {
			return;
		}
		clues.find(event.id().value()).ifPresent(clue -> {
			// who assigned it: the latest row of the clue's assignment history
			String by = jdbc.sql("SELECT assigned_by FROM clue_assignment WHERE clue_id = ? ORDER BY id DESC")
				.param(event.id().value())
				.query(String.class)
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			Object[] args = { clue.title(), event.reason() == null ? "—" : event.reason() };
			String subject = event.fromUnit() == null ? "clue.notice.assigned" : "clue.notice.reassigned";
			Set<UserId> assignee = new LinkedHashSet<>();
			if (event.toUser() != null) {
				assignee.add(event.toUser());
				tell(assignee, by, ASSIGNED, subject, args, event.id().value());
			}
			Set<UserId> managers = new LinkedHashSet<>(notifications.users(Role.UNIT_MANAGER, event.toUnit()));
			managers.removeAll(assignee);
			tell(managers, by, ASSIGNED, subject + "Unit", args, event.id().value());
		});
	}

	@ApplicationModuleListener
	void on(ClueCreated event) {
		clues.find(event.id().value()).ifPresent(clue -> {
			if (event.source() == ClueSource.INTERMEDIARY && clue.submittedById() != null && event.owner() != null) {
				Object[] args = { clue.title(), clue.summary().sourceCredit() == null ? "—"
						: clue.summary().sourceCredit() };
				tell(new LinkedHashSet<>(notifications.users(Role.UNIT_MANAGER, event.owner())), clue.createdBy,
						SUBMITTED, "clue.notice.submitted", args, event.id().value());
			}
			else if (clue.assignee() != null) {
				tell(new LinkedHashSet<>(Set.of(clue.assignee())), clue.createdBy, ASSIGNED,
						"clue.notice.assigned", new Object[] { clue.title(), "—" }, event.id().value());
			}
		});
	}

	/** Notifies each of them but who acted ({@code by}, a login name): nobody is told of their own action. */
	private void tell(Set<UserId> to, String by, String kind, String subject, Object[] args, long clueId) {
		notifications.user(by).ifPresent(to::remove);
		for (UserId user : to) {
			notifications.notify(user, kind, subject, args, "/clues/" + clueId);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind clueAssignedKind() {
			return new NotificationKind(ASSIGNED, "notice.kind." + ASSIGNED, "notice.kind." + ASSIGNED + ".help", 30);
		}

		@Bean
		NotificationKind clueSubmittedKind() {
			return new NotificationKind(SUBMITTED, "notice.kind." + SUBMITTED, "notice.kind." + SUBMITTED + ".help",
					40);
		}

		@Bean
		NotificationKind clueStaleKind() {
			return new NotificationKind(STALE, "notice.kind." + STALE, "notice.kind." + STALE + ".help", 60);
		}
	}
}
