package cn.zhaoshang.project.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.project.ProjectMoveReviewed;
import cn.zhaoshang.project.ProjectMoveSubmitted;
import cn.zhaoshang.project.ProjectPeopleChanged;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices for the ledger's hand-overs (issue 8), written after the change commits: a move awaits review (to the city
 * bureau's supervisors), a move was approved or returned (to who submitted it, with the opinion), a project's leader
 * or chief attendant changed (to the new one, when their people record is linked to an account). Nobody is told of
 * their own action.
 */
@Component
class ProjectNotices {

	static final String AWAITING = "project.review.awaiting";
	static final String DECIDED = "project.review.decided";
	static final String PEOPLE = "project.people.changed";

	private final Notifications notifications;
	private final People people;

	ProjectNotices(Notifications notifications, People people) {
		this.notifications = notifications;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(ProjectMoveSubmitted event) {
		Object[] args = { event.code(), event.name(), stage(event.to().messageKey()), stage(event.from().messageKey()) };
		Set<UserId> to = new LinkedHashSet<>(notifications.users(Role.CITY_SUPERVISOR, null));
		for (UserId user : others(to)) {
			notifications.notify(user, AWAITING, "project.notice.awaiting", args, "/projects/review");
		}
	}

	@ApplicationModuleListener
	void on(ProjectMoveReviewed event) {
		Object[] args = { event.code(), event.name(), stage(event.to().messageKey()),
				event.opinion() == null ? "—" : event.opinion() };
		String subject = event.approved() ? "project.notice.approved" : "project.notice.returned";
		notifications.user(event.submittedBy())
			.filter(user -> !isActor(user))
			.ifPresent(user -> notifications.notify(user, DECIDED, subject, args, "/projects/" + event.id().value()));
	}

	@ApplicationModuleListener
	void on(ProjectPeopleChanged event) {
		Object[] args = { event.code(), event.name() };
		if (event.leaderChanged()) {
			tell(event.leaderTo(), "project.notice.leader", args, event);
		}
		if (event.attendantChanged()) {
			tell(event.attendantTo(), "project.notice.attendant", args, event);
		}
	}

	private void tell(PersonId person, String subject, Object[] args, ProjectPeopleChanged event) {
		if (person == null) {
			return;
		}
		people.userOf(person)
			.filter(user -> !isActor(user))
			.ifPresent(user -> notifications.notify(user, PEOPLE, subject, args, "/projects/" + event.id().value()));
	}

	private static DefaultMessageSourceResolvable stage(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	private static Set<UserId> others(Set<UserId> users) {
		users.removeIf(ProjectNotices::isActor);
		return users;
	}

	/** Whether the user is who made the change (the listener runs right after the change, in the same request). */
	private static boolean isActor(UserId user) {
		return Security.currentUser().map(CurrentUser::id).filter(user::equals).isPresent();
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind projectReviewAwaiting() {
			return new NotificationKind(AWAITING, "notice.kind." + AWAITING, "notice.kind." + AWAITING + ".help", 10);
		}

		@Bean
		NotificationKind projectReviewDecided() {
			return new NotificationKind(DECIDED, "notice.kind." + DECIDED, "notice.kind." + DECIDED + ".help", 20);
		}

		@Bean
		NotificationKind projectPeopleChanged() {
			return new NotificationKind(PEOPLE, "notice.kind." + PEOPLE, "notice.kind." + PEOPLE + ".help", 50);
		}
	}
}
