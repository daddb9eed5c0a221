package cn.zhaoshang.partner.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What an intermediary sees of its own work: the clues it is credited with (submitted or sourced by its unit) and
 * the projects they became, plus the projects it introduced. Read only, for one intermediary unit.
 */
@Service
public class IntermediaryView {

	/** A clue credited to the intermediary and, once converted, its project's code, name and stage. */
	public record OwnClue(long id, String title, String enterpriseName, String status, LocalDate createdOn,
			Long projectId, String projectCode, String projectName, String projectStage) {
	}

	/** A project the intermediary introduced (its introducing unit or a credited introducer). */
	public record OwnProject(long id, String code, String name, String stage, String status, String unitName,
			BigDecimal paidIn) {
	}

	private final JdbcClient jdbc;

	IntermediaryView(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<OwnClue> clues(long unitId) {
		return jdbc.sql("""
				SELECT c.id, c.title, c.enterprise_name, c.status, CAST(c.created_at AS DATE) AS created_on,
				  p.id AS project_id, p.code, p.name, p.stage
				FROM clue c LEFT JOIN project p ON p.id = c.project_id
				WHERE c.source_unit_id = :u ORDER BY c.created_at DESC, c.id DESC""")
			.param("u", unitId)
			.query((rs, n) -> {
				long pid = rs.getLong("project_id");
				Long project = rs.wasNull() ? null : pid;
				return new OwnClue(rs.getLong("id"), rs.getString("title"), rs.getString("enterprise_name"),
						rs.getString("status"), rs.getObject("created_on", LocalDate.class), project,
						rs.getString("code"), rs.getString("name"), rs.getString("stage"));
			})
			.list();
	}

	public List<OwnProject> projects(long unitId) {
		return jdbc.sql("""
				SELECT p.id, p.code, p.name, p.stage, p.status, u.name AS unit_name, p.paid_in_investment
				FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE p.intro_unit_id = :u
				   OR p.id IN (SELECT c.project_id FROM partner_introducer_credit c WHERE c.unit_id = :u)
				ORDER BY p.code""")
			.param("u", unitId)
			.query((rs, n) -> new OwnProject(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("stage"), rs.getString("status"), rs.getString("unit_name"),
					rs.getBigDecimal("paid_in_investment")))
			.list();
	}
}
