package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What allocation reads of a project or a clue (plain SQL over the ledger and the clue table, as the supervision
 * read models do): its unit, chain and needs, and each unit's load.
 */
@Component
public class Subjects {

	/**
	 * A project or clue to place: {@code open} when it may still move (a project not dropped, a clue neither
	 * converted nor invalid); {@code unitId} null for a clue of the city pool.
	 */
	public record Subject(Long projectId, Long clueId, String code, String name, Long unitId, Long chainId,
			BigDecimal landMu, BigDecimal factoryM2, boolean open, String stage) {

		public String link() {
			return projectId != null ? "/projects/" + projectId : "/clues/" + clueId;
		}
	}

	private final JdbcClient jdbc;

	Subjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Subject> project(long id) {
		return jdbc.sql("""
				SELECT id, code, name, unit_id, chain_id, land_need_mu, factory_need_m2, status, stage
				FROM project WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Subject(rs.getLong("id"), null, rs.getString("code"), rs.getString("name"),
					rs.getLong("unit_id"), rs.getObject("chain_id", Long.class), rs.getBigDecimal("land_need_mu"),
					rs.getBigDecimal("factory_need_m2"), !"DROPPED".equals(rs.getString("status")),
					rs.getString("stage")))
			.optional();
	}

	public Optional<Subject> clue(long id) {
		return jdbc.sql("SELECT id, title, owner_unit_id, chain_id, status FROM clue WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Subject(null, rs.getLong("id"), null, rs.getString("title"),
					rs.getObject("owner_unit_id", Long.class), rs.getObject("chain_id", Long.class), null, null,
					!"CONVERTED".equals(rs.getString("status")) && !"INVALID".equals(rs.getString("status")), null))
			.optional();
	}

	/** Projects in hand per unit: active, not yet in production. */
	public Map<UnitId, Long> load() {
		Map<UnitId, Long> out = new HashMap<>();
		jdbc.sql("""
				SELECT unit_id, COUNT(*) FROM project WHERE status = 'ACTIVE' AND stage <> 'IN_PRODUCTION'
				GROUP BY unit_id""").query(rs -> {
			out.put(new UnitId(rs.getLong(1)), rs.getLong(2));
		});
		return out;
	}
}
