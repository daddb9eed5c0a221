package cn.zhaoshang.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zhaoshang.org.UnitType;

/**
 * The unit table read with plain SQL and a hand-written row mapper: every authenticated request reads units (the
 * user's unit name, the data scope's descendants, {@code GET /api/v1/units}), and mapping the aggregate through Spring
 * Data JDBC cost a quarter of such a request's CPU (issue 15, docs/benchmarks.md). Writes stay with
 * {@link UnitRepository}; the rows are read fresh every time (no cache), so both nodes always see the same units.
 */
@Component
public class UnitRows {

	private static final String SELECT = "SELECT id, code, name, short_name, type, parent_id, region, phone, address,"
			+ " sort_order, stage_review_required, active, version, created_at, updated_at FROM unit";

	private final JdbcClient jdbc;

	UnitRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Unit> all() {
		return jdbc.sql(SELECT).query(UnitRows::unit).list();
	}

	public Optional<Unit> byId(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(UnitRows::unit).optional();
	}

	private static Unit unit(ResultSet rs, int n) throws SQLException {
		Unit u = new Unit();
		u.id = rs.getLong("id");
		u.code = rs.getString("code");
		u.name = rs.getString("name");
		u.shortName = rs.getString("short_name");
		u.type = UnitType.valueOf(rs.getString("type"));
		long parent = rs.getLong("parent_id");
		u.parentId = rs.wasNull() ? null : parent;
		u.region = rs.getString("region");
		u.phone = rs.getString("phone");
		u.address = rs.getString("address");
		u.sortOrder = rs.getInt("sort_order");
		u.stageReviewRequired = rs.getBoolean("stage_review_required");
		u.active = rs.getBoolean("active");
		u.version = rs.getInt("version");
		u.createdAt = instant(rs, "created_at");
		u.updatedAt = instant(rs, "updated_at");
		return u;
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
