package cn.zhaoshang.clue;

import java.time.LocalDate;

import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many clues are credited to a unit of ours (a resident team, an intermediary: the clue's source unit) and how
 * many of them became projects, for modules downstream of the clues (a team's clue-to-project conversion).
 */
@Service
public class ClueCredits {

	/**
	 * A unit's credited clues in a period.
	 *
	 * @param clues clues credited to the unit, created in the period
	 * @param open of them still open (new, following, confirmed)
	 * @param converted of them converted into a ledger project
	 */
	public record Conversion(long clues, long open, long converted) {

		/** Converted clues per hundred credited ones, one decimal; 0 when none are credited. */
		public double percent() {
			return clues == 0 ? 0 : Math.round(converted * 1000.0 / clues) / 10.0;
		}
	}

	private final JdbcClient jdbc;

	ClueCredits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The unit's credited clues created from {@code from} to {@code to} (both inclusive). */
	public Conversion of(UnitId unit, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*),
				       COALESCE(SUM(CASE WHEN status IN ('NEW', 'FOLLOWING', 'CONFIRMED') THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN project_id IS NOT NULL THEN 1 ELSE 0 END), 0)
				FROM clue WHERE source_unit_id = :unit AND created_at >= :from AND created_at < :to""")
			.param("unit", unit.value())
			.param("from", from.atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime())
			.param("to", to.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime())
			.query((rs, n) -> new Conversion(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}
}
