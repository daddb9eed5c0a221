package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code unit_target}: read by year, inserted, and updated only at the version the writer read. */
@Repository
class TargetStore {

	private static final String COLUMNS = Arrays.stream(TargetIndicator.values())
		.map(TargetIndicator::column)
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;
	private final Clock clock;

	TargetStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The year's rows by unit id. */
	Map<Long, TargetRow> forYear(int year) {
		Map<Long, TargetRow> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT id, target_year, unit_id, version, " + COLUMNS
				+ " FROM unit_target WHERE target_year = :year ORDER BY unit_id")
			.param("year", year)
			.query(TargetStore::row)
			.list()
			.forEach(r -> rows.put(r.unitId(), r));
		return rows;
	}

	Optional<TargetRow> find(int year, long unitId) {
		return jdbc.sql("SELECT id, target_year, unit_id, version, " + COLUMNS
				+ " FROM unit_target WHERE target_year = :year AND unit_id = :unit")
			.param("year", year)
			.param("unit", unitId)
			.query(TargetStore::row)
			.optional();
	}

	/** A new row; a row created meanwhile by someone else is a conflict like a stale version. */
	TargetRow insert(int year, long unitId, TargetValues values, String by) {
		var sql = jdbc.sql("INSERT INTO unit_target (target_year, unit_id, " + COLUMNS
				+ ", version, created_by, updated_by, created_at, updated_at) VALUES (:year, :unit, "
				+ Arrays.stream(TargetIndicator.values()).map(i -> ":" + i.field()).collect(Collectors.joining(", "))
				+ ", 0, :by, :by, :now, :now)")
			.param("year", year)
			.param("unit", unitId)
			.param("by", by)
			.param("now", now());
		sql = bind(sql, values);
		try {
			sql.update();
		}
		catch (DuplicateKeyException e) {
			throw new OptimisticLockingFailureException("target " + year + "/" + unitId + " created meanwhile", e);
		}
		return find(year, unitId).orElseThrow();
	}

	/** The row changed if it still has the version read; else a conflict. */
	TargetRow update(TargetRow row, TargetValues values, String by) {
		var sql = jdbc.sql("UPDATE unit_target SET "
				+ Arrays.stream(TargetIndicator.values())
					.map(i -> i.column() + " = :" + i.field())
					.collect(Collectors.joining(", "))
				+ ", version = version + 1, updated_by = :by, updated_at = :now WHERE id = :id AND version = :version")
			.param("id", row.id())
			.param("version", row.version())
			.param("by", by)
			.param("now", now());
		if (bind(sql, values).update() != 1) {
			throw new OptimisticLockingFailureException("target " + row.year() + "/" + row.unitId() + " changed");
		}
		return find(row.year(), row.unitId()).orElseThrow();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, TargetValues values) {
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = values.get(i);
			sql = sql.param(i.field(), v == null ? null : i.kind().amount() ? v : (Object) v.intValueExact(),
					i.kind().amount() ? java.sql.Types.NUMERIC : java.sql.Types.INTEGER);
		}
		return sql;
	}

	private static TargetRow row(ResultSet rs, int n) throws SQLException {
		Map<TargetIndicator, BigDecimal> values = new EnumMap<>(TargetIndicator.class);
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = rs.getBigDecimal(i.column());
			if (v != null) {
				values.put(i, i.kind().amount() ? v.setScale(2, java.math.RoundingMode.HALF_UP) : v.setScale(0));
			}
		}
		return new TargetRow(rs.getLong("id"), rs.getInt("target_year"), rs.getLong("unit_id"),
				new TargetValues(values), rs.getInt("version"));
	}
}
