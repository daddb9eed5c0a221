package cn.zhaoshang.clue.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user accounts a clue can be assigned to. The platform offers no user look-up to other modules, so this reads
 * the accounts table directly (read-only, the columns every installation has).
 */
@Component
public class ClueUsers {

	/** A possible assignee: an enabled account with its unit. */
	public record Assignee(UserId id, String displayName, UnitId unit, Role role) {
	}

	private final JdbcClient jdbc;

	ClueUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Assignee> find(UserId id) {
		return id == null ? Optional.empty()
				: jdbc.sql("SELECT id, display_name, unit_id, role FROM app_user WHERE id = :id")
					.param("id", id.value())
					.query((rs, n) -> new Assignee(new UserId(rs.getLong(1)), rs.getString(2),
							UnitId.of(rs.getObject(3, Long.class)), Role.valueOf(rs.getString(4))))
					.optional();
	}

	/** Enabled unit users (managers and staff) of the given units, by name. */
	public List<Assignee> ofUnits(Set<UnitId> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, display_name, unit_id, role FROM app_user
				WHERE enabled AND unit_id IN (:units) AND role IN ('UNIT_MANAGER', 'UNIT_STAFF')
				ORDER BY unit_id, display_name""")
			.param("units", units.stream().map(UnitId::value).toList())
			.query((rs, n) -> new Assignee(new UserId(rs.getLong(1)), rs.getString(2),
					UnitId.of(rs.getObject(3, Long.class)), Role.valueOf(rs.getString(4))))
			.list();
	}

	/** Every enabled unit user, for the assignment form of the city bureau. */
	public List<Assignee> allUnitUsers() {
		return jdbc.sql("""
				SELECT id, display_name, unit_id, role FROM app_user
				WHERE enabled AND unit_id IS NOT NULL AND role IN ('UNIT_MANAGER', 'UNIT_STAFF')
				ORDER BY unit_id, display_name""")
			.query((rs, n) -> new Assignee(new UserId(rs.getLong(1)), rs.getString(2),
					UnitId.of(rs.getObject(3, Long.class)), Role.valueOf(rs.getString(4))))
			.list();
	}

	/** The enabled unit user of the given units with this username or display name (the username first). */
	public Optional<Assignee> named(Set<UnitId> units, String name) {
		if (units.isEmpty() || name == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT id, display_name, unit_id, role FROM app_user
				WHERE enabled AND unit_id IN (:units) AND role IN ('UNIT_MANAGER', 'UNIT_STAFF')
				  AND (username = :name OR display_name = :name)
				ORDER BY CASE WHEN username = :name THEN 0 ELSE 1 END, id""")
			.param("units", units.stream().map(UnitId::value).toList())
			.param("name", name.strip())
			.query((rs, n) -> new Assignee(new UserId(rs.getLong(1)), rs.getString(2),
					UnitId.of(rs.getObject(3, Long.class)), Role.valueOf(rs.getString(4))))
			.list()
			.stream()
			.findFirst();
	}
}
