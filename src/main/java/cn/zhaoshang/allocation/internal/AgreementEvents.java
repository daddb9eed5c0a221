package cn.zhaoshang.allocation.internal;

import java.time.LocalDate;
import java.util.Optional;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.ClueStatusChanged;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.ProjectStageChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules' events do to benefit-sharing agreements, in the event's transaction and by the user who caused
 * it (who may edit the project): a transferred clue that becomes a project has its agreements applied to the project
 * ({@link Agreements#clueConverted}); a project that moves forward to a stage ends the agreements that last until
 * that stage ({@link Agreements#stageReached}).
 */
@Component
class AgreementEvents {

	private static final Logger log = LoggerFactory.getLogger(AgreementEvents.class);

	private final JdbcClient jdbc;
	private final Agreements agreements;

	AgreementEvents(JdbcClient jdbc, Agreements agreements) {
		this.jdbc = jdbc;
		this.agreements = agreements;
	}

	@EventListener
	void on(ClueStatusChanged event) {
		if (event.to() != ClueStatus.CONVERTED) {
			return;
		}
		long clue = event.id().value();
		Long project = jdbc.sql("""
				SELECT c.project_id FROM clue c
				WHERE c.id = :c AND EXISTS (SELECT 1 FROM benefit_agreement a WHERE a.clue_id = c.id AND a.project_id IS NULL)""")
			.param("c", clue)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (project != null) {
			user("clue " + clue + " converted").ifPresent(u -> agreements.clueConverted(clue, project, u));
		}
	}

	@EventListener
	void on(ProjectStageChanged event) {
		if (event.to() == null || event.from() == null || !event.from().isBefore(event.to())) {
			return;
		}
		long project = event.id().value();
		boolean bound = jdbc.sql("""
				SELECT COUNT(*) FROM benefit_agreement
				WHERE project_id = :p AND until_stage IS NOT NULL AND stage_reached_on IS NULL""")
			.param("p", project)
			.query(Long.class)
			.single() > 0;
		if (bound) {
			LocalDate date = event.date() != null ? event.date() : LocalDate.now();
			user("project " + project + " reached " + event.to())
				.ifPresent(u -> agreements.stageReached(project, event.to(), date, u));
		}
	}

	/** The signed-in user; none (a job, a script) leaves the agreement as it is, with a warning. */
	private static Optional<CurrentUser> user(String what) {
		Optional<CurrentUser> user = Security.currentUser();
		if (user.isEmpty()) {
			log.warn("{} without a signed-in user: its benefit agreements are left as they are", what);
		}
		return user;
	}
}
