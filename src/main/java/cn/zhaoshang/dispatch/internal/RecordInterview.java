package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an interview (约谈) of a project on a round's stalled list: when, who held it, whom, and what they
 * committed to. The round after is the one that watches the project (watch_round_id, filled when that round exists).
 * City bureau only (the controllers check the role); audited.
 */
@Service
public class RecordInterview {

	/**
	 * The form's fields.
	 *
	 * @param roundId the round whose stalled list holds the project
	 * @param projectId the stalled project
	 * @param date the day of the interview (not in the future)
	 * @param interviewer who held it (e.g. the chairing city leader)
	 * @param interviewees the county officials interviewed
	 * @param commitments what they committed to, and by when
	 */
	public record Parameters(long roundId, long projectId, LocalDate date, String interviewer, String interviewees,
			String commitments) {

		void validate(LocalDate today) {
			List<Violation> violations = new ArrayList<>();
			if (date == null) {
				violations.add(new Violation("date", "validation.required"));
			}
			else if (date.isAfter(today)) {
				violations.add(new Violation("date", "stalled.interview.futureDate"));
			}
			text(violations, "interviewer", interviewer, 100);
			text(violations, "interviewees", interviewees, 200);
			text(violations, "commitments", commitments, 2000);
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
		}

		private static void text(List<Violation> violations, String field, String value, int max) {
			if (value == null || value.isBlank()) {
				violations.add(new Violation(field, "validation.required"));
			}
			else if (value.strip().length() > max) {
				violations.add(new Violation(field, "validation.size", 0, max));
			}
		}
	}

	private final JdbcClient jdbc;
	private final StalledQueries queries;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;

	RecordInterview(JdbcClient jdbc, StalledQueries queries, DataScopes scopes, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Records the interview; the project must be on the round's stalled list (else 422). Returns its id. */
	@Transactional
	public long execute(Parameters p, CurrentUser user) {
		queries.round(p.roundId());
		p.validate(LocalDate.now(clock));
		var item = queries.stalled(p.roundId(), scopes.of(user))
			.stream()
			.filter(i -> i.projectId() == p.projectId())
			.findFirst()
			.orElseThrow(() -> new BusinessException(422, "stalled.interview.notStalled"));
		Long watch = jdbc.sql("""
				SELECT n.id FROM dispatch_round n, dispatch_round o
				WHERE o.id = :r AND n.period_from > o.period_to
				ORDER BY n.period_from, n.id FETCH FIRST 1 ROWS ONLY""")
			.param("r", p.roundId())
			.query(Long.class)
			.optional()
			.orElse(null);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dispatch_interview (project_id, round_id, interview_date, interviewer, interviewees,
				    commitments, watch_round_id, created_by)
				VALUES (:project, :round, :date, :interviewer, :interviewees, :commitments, :watch, :by)""")
			.param("project", p.projectId())
			.param("round", p.roundId())
			.param("date", p.date())
			.param("interviewer", p.interviewer().strip())
			.param("interviewees", p.interviewees().strip())
			.param("commitments", p.commitments().strip())
			.param("watch", watch)
			.param("by", user.getUsername())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("projectId", p.projectId());
		after.put("roundId", p.roundId());
		after.put("date", p.date().toString());
		after.put("interviewer", p.interviewer().strip());
		after.put("interviewees", p.interviewees().strip());
		after.put("commitments", p.commitments().strip());
		if (watch != null) {
			after.put("watchRoundId", watch);
		}
		auditor.record("dispatch_interview", id, "CREATE", item.projectCode() + " " + item.projectName(), Map.of(),
				after);
		return id;
	}
}
