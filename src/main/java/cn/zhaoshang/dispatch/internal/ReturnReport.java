package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.dispatch.ReportStatus;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city bureau sends a submitted report back to its unit with a comment; the unit's managers and staff are told. */
@Service
public class ReturnReport {

	static final int COMMENT_MAX = 500;

	private final DispatchAccess access;
	private final ScopeStore scope;
	private final DispatchNotices notices;
	private final Auditor auditor;
	private final cn.zhaoshang.project.ProjectSummaries projects;
	private final Clock clock;

	ReturnReport(DispatchAccess access, ScopeStore scope, DispatchNotices notices, Auditor auditor,
			cn.zhaoshang.project.ProjectSummaries projects, Clock clock) {
		this.projects = projects;
		this.access = access;
		this.scope = scope;
		this.notices = notices;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public void execute(long roundId, long projectId, String comment, Integer version, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		ScopeRow row = access.readable(roundId, projectId, user);
		round.requireOpen();
		if (version != null && version != row.version()) {
			throw new OptimisticLockingFailureException("dispatch report " + row.id() + " changed meanwhile");
		}
		String text = SaveReport.clean(comment);
		if (text == null) {
			throw new FieldException("comment", "validation.required");
		}
		if (text.length() > COMMENT_MAX) {
			throw new FieldException("comment", "dispatch.validation.tooLong", COMMENT_MAX);
		}
		if (row.reportStatus() != ReportStatus.SUBMITTED) {
			throw new BusinessException(409, "dispatch.error.returnNotSubmitted");
		}
		scope.returnReport(row, row.version(), text, user.getUsername(), clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("reportStatus", ReportStatus.RETURNED.name());
		after.put("returnComment", text);
		auditor.record("dispatchReport", row.id(), "RETURN", text, Map.of("reportStatus", row.reportStatus().name()),
				after);
		String project = projects.find(new cn.zhaoshang.platform.ProjectId(projectId)).map(p -> p.code() + " " + p.name())
			.orElse(String.valueOf(projectId));
		notices.returned(round, row, project, text, user);
	}
}
