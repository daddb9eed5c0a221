package cn.zhaoshang.clue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clues logged in a span of time, for the weekly dynamics of the supervision module: read-only, without the
 * rights of a user (the weekly dynamics are city-wide information once published).
 */
@Service
@Transactional(readOnly = true)
public class NewClues {

	/**
	 * A clue as logged.
	 *
	 * @param owner the owning unit now, {@code null} for the city pool
	 * @param createdAt when it was logged
	 */
	public record NewClue(ClueId id, String title, String enterpriseName, UnitId owner, ClueSource source,
			ClueStatus status, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	NewClues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The clues logged at or after {@code from} and before {@code to}, oldest first. */
	public List<NewClue> loggedBetween(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT id, title, enterprise_name, owner_unit_id, source, status, created_at FROM clue
				WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id""")
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query((rs, n) -> {
				long owner = rs.getLong("owner_unit_id");
				UnitId unit = rs.wasNull() ? null : new UnitId(owner);
				return new NewClue(new ClueId(rs.getLong("id")), rs.getString("title"), rs.getString("enterprise_name"),
						unit, ClueSource.valueOf(rs.getString("source")), ClueStatus.valueOf(rs.getString("status")),
						rs.getObject("created_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}
}
