package cn.zhaoshang.project.internal;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
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

	static final String AWAITING = "reviewAwaiting";
	static final String DECIDED = "reviewDecided";
	static final String PEOPLE = "projectPeople";

	private final Notifications notifications;
	private final People people;

	ProjectNotices(Notifications notifications, People people) {
		this.notifications = notifications;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(ProjectMoveSubmitted event) {
		Object[] args = { event.code(), event.name(), stage(event.to().messageKey()), stage(event.from().messageKey()) };
		for (UserId user : notifications.users(Role.CITY_SUPERVISOR, null)) {
			if (isActor(user, event.submittedBy())) {
				continue;
			}
			notifications.notify(user, AWAITING, "project.notice.awaiting", args, "/projects/review");
		}
	}

	@ApplicationModuleListener
	void on(ProjectMoveReviewed event) {
		Object[] args = { event.code(), event.name(), stage(event.to().messageKey()),
				event.opinion() == null ? "—" : event.opinion() };
		String subject = event.approved() ? "project.notice.approved" : "project.notice.returned";
		notifications.user(event.submittedBy())
			.filter(user -> !isActor(user, event.reviewedBy()))
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
			.filter(user -> !isActor(user, event.changedBy()))
			.ifPresent(user -> notifications.notify(user, PEOPLE, subject, args, "/projects/" + event.id().value()));
	}

	private static DefaultMessageSourceResolvable stage(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	/** Whether the user is who acted (by login name): nobody is told of their own action. */
	private boolean isActor(UserId user, String actor) {
		return notifications.user(actor).filter(user::equals).isPresent();
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
