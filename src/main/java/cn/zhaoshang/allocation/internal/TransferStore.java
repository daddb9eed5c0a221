package cn.zhaoshang.allocation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.allocation.TransferStatus;
import cn.zhaoshang.project.Stage;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code allocation_transfer}. */
@Repository
class TransferStore {

	static final String SELECT = """
			SELECT t.*, fu.name AS from_name, tu.name AS to_name,
			  (SELECT a.id FROM benefit_agreement a WHERE a.transfer_id = t.id) AS agreement_id
			FROM allocation_transfer t
			JOIN unit fu ON fu.id = t.from_unit_id
			JOIN unit tu ON tu.id = t.to_unit_id""";

	private final JdbcClient jdbc;

	TransferStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Transfer> find(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(TransferStore::row).optional();
	}

	/** Whether the project or clue has a transfer waiting for an answer. */
	boolean pending(Long projectId, Long clueId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM allocation_transfer
				WHERE status = 'PROPOSED' AND (project_id = :p OR clue_id = :c)""")
			.param("p", projectId == null ? -1L : projectId)
			.param("c", clueId == null ? -1L : clueId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(Long projectId, Long clueId, String code, String name, Long chainId, long from, long to,
			String reason, int shareBp, int years, Stage untilStage, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO allocation_transfer (project_id, clue_id, subject_code, subject_name, chain_id,
				    from_unit_id, to_unit_id, reason, introducer_share_bp, years, until_stage, status, proposed_by,
				    proposed_at)
				VALUES (:p, :c, :code, :name, :chain, :from, :to, :reason, :bp, :years, :until, 'PROPOSED', :by, :at)""")
			.param("p", projectId)
			.param("c", clueId)
			.param("code", code)
			.param("name", name)
			.param("chain", chainId)
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.param("bp", shareBp)
			.param("years", years)
			.param("until", untilStage == null ? null : untilStage.name())
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void decide(Transfer t, TransferStatus status, String reason, String by, boolean bureau, Instant at) {
		int n = jdbc.sql("""
				UPDATE allocation_transfer SET status = :s, decision_reason = :r, decided_by = :by, decided_at = :at,
				    decided_by_bureau = :bureau, version = version + 1
				WHERE id = :id AND version = :v AND status = 'PROPOSED'""")
			.param("s", status.name())
			.param("r", reason)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("bureau", bureau)
			.param("id", t.id())
			.param("v", t.version())
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("transfer " + t.id() + " changed meanwhile");
		}
	}

	/** Keeps the agreement's terms on the transfer when the city bureau edits them. */
	void terms(long id, int shareBp, int years) {
		jdbc.sql("UPDATE allocation_transfer SET introducer_share_bp = :bp, years = :y, version = version + 1 WHERE id = :id")
			.param("bp", shareBp)
			.param("y", years)
			.param("id", id)
			.update();
	}

	List<Transfer> ofProject(long projectId) {
		return jdbc.sql(SELECT + " WHERE t.project_id = :p ORDER BY t.proposed_at DESC, t.id DESC")
			.param("p", projectId)
			.query(TransferStore::row)
			.list();
	}

	static Transfer row(ResultSet rs, int n) throws SQLException {
		return new Transfer(rs.getLong("id"), (Long) rs.getObject("project_id", Long.class),
				rs.getObject("clue_id", Long.class), rs.getString("subject_code"), rs.getString("subject_name"),
				rs.getObject("chain_id", Long.class), rs.getLong("from_unit_id"), rs.getString("from_name"),
				rs.getLong("to_unit_id"), rs.getString("to_name"), rs.getString("reason"),
				rs.getInt("introducer_share_bp"), rs.getInt("years"), TransferStatus.valueOf(rs.getString("status")),
				rs.getString("decision_reason"), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getBoolean("decided_by_bureau"), rs.getString("proposed_by"), instant(rs, "proposed_at"),
				rs.getInt("version"), rs.getObject("agreement_id", Long.class), stage(rs.getString("until_stage")));
	}

	static Stage stage(String name) {
		return name == null ? null : Stage.valueOf(name);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
