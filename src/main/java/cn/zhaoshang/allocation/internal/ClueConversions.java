package cn.zhaoshang.allocation.internal;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.ClueStatusChanged;
import cn.zhaoshang.platform.Security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a clue that was transferred with a benefit-sharing agreement becomes a project, the agreement applies to the
 * project ({@link Agreements#clueConverted}): in the conversion's transaction, by the user who converts it (who may
 * edit the new project), so that the project is credited by the agreement from its first day.
 */
@Component
class ClueConversions {

	private static final Logger log = LoggerFactory.getLogger(ClueConversions.class);

	private final JdbcClient jdbc;
	private final Agreements agreements;

	ClueConversions(JdbcClient jdbc, Agreements agreements) {
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
		if (project == null) {
			return;
		}
		var user = Security.currentUser().orElse(null);
		if (user == null) {
			log.warn("clue {} converted into project {} without a signed-in user: its agreement is not applied", clue,
					project);
			return;
		}
		agreements.clueConverted(clue, project, user);
	}
}
