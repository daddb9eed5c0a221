package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of a project's stage and status moves (table {@code project_stage_move}, applied at once or submitted
 * for review): written by {@link MoveProjectStage}, read back and settled by {@link ReviewStageMove}.
 */
@Component
class StageMoves {

	private final Attachments attachments;
	private final JdbcClient jdbc;
	private final CountedMoves counted;

	StageMoves(Attachments attachments, JdbcClient jdbc, CountedMoves counted) {
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.counted = counted;
	}

	long insert(Project p, StageMoveRequest move, String state, CurrentUser user, Instant now) {
		var keys = new GeneratedKeyHolder();
		// the statement of the batch writer (import, generator), so that a move is stored one way
		jdbc.sql(StageMoveRows.INSERT)
			.param("p", p.id)
			.param("fs", p.stage().name())
			.param("ts", (move.to() == null ? p.stage() : move.to()).name())
			.param("fst", p.status().name())
			.param("tst", (move.toStatus() == null || move.to() != null ? p.status() : move.toStatus()).name())
			.param("d", move.date())
			.param("ct", move.contractType() == null ? null : move.contractType().name())
			.param("amount", move.amount())
			.param("reason", move.reason() == null || move.reason().isBlank() ? null : move.reason().trim())
			.param("state", state)
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		counted.refresh(List.of(p.id));
		return keys.getKey().longValue();
	}

	void linkEvidence(long moveId, List<Long> evidenceIds) {
		for (Long evidence : evidenceIds) {
			jdbc.sql("INSERT INTO project_stage_move_evidence (move_id, attachment_id) VALUES (:m, :a)")
				.param("m", moveId)
				.param("a", evidence)
				.update();
		}
	}

	/**
	 * The move with a kind for each evidence file: the one the request names, else the one the file was uploaded
	 * with. Unknown ids stay out (the claim refuses them by field).
	 */
	StageMoveRequest withStoredKinds(StageMoveRequest move) {
		Map<Long, EvidenceKind> kinds = new HashMap<>();
		for (Long id : move.evidence()) {
			if (id == null) {
				continue;
			}
			EvidenceKind named = move.evidenceKinds().get(id);
			EvidenceKind kind = named != null ? named
					: attachments.find(id).map(Attachments.Attachment::evidenceKind).orElse(null);
			if (kind != null) {
				kinds.put(id, kind);
			}
		}
		return move.withEvidenceKinds(kinds);
	}

	/** A submitted move as it was requested, with its evidence. */
	StageMoveRequest load(long moveId) {
		return jdbc.sql("SELECT * FROM project_stage_move WHERE id = :id").param("id", moveId).query((rs, n) -> {
			var to = Stage.valueOf(rs.getString("to_stage"));
			var ct = rs.getString("contract_type");
			BigDecimal amount = rs.getBigDecimal("amount");
			List<Long> evidence = jdbc
				.sql("SELECT attachment_id FROM project_stage_move_evidence WHERE move_id = :m ORDER BY attachment_id")
				.param("m", moveId)
				.query(Long.class)
				.list();
			return new StageMoveRequest(to, null, rs.getObject("move_date", LocalDate.class),
					ct == null ? null : ContractType.valueOf(ct), to == Stage.SIGNED ? amount : null,
					to == Stage.COMMENCED ? amount : null, to == Stage.IN_PRODUCTION ? amount : null, evidence,
					rs.getString("reason"));
		}).single().withEvidenceKinds(Map.of());
	}

	String submittedBy(long moveId) {
		return jdbc.sql("SELECT submitted_by FROM project_stage_move WHERE id = :id")
			.param("id", moveId)
			.query(String.class)
			.single();
	}

	void settle(long moveId, boolean approve, String opinion, String by, Instant at) {
		jdbc.sql("""
				UPDATE project_stage_move SET state = :state, reviewed_by = :by, reviewed_at = :at, opinion = :opinion
				WHERE id = :id""")
			.param("state", approve ? "APPROVED" : "RETURNED")
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("opinion", opinion)
			.param("id", moveId)
			.update();
		counted.refresh(jdbc.sql("SELECT project_id FROM project_stage_move WHERE id = :id")
			.param("id", moveId)
			.query(Long.class)
			.list());
	}
}
