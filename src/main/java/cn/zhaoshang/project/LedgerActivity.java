package cn.zhaoshang.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened in the ledger over a span of days, for the weekly dynamics of the supervision module: the stage
 * moves that took effect, the funds rows recorded, and the projects marked stalled. Read-only, without the rights of
 * a user.
 */
@Service
@Transactional(readOnly = true)
public class LedgerActivity {

	/**
	 * A stage or status move that took effect.
	 *
	 * @param effective the day it took effect: its date (the submission day when it has none), or the day the city
	 *        bureau approved it when that is later (the rule of the supervision figures, ADR 0012)
	 */
	public record Move(long moveId, ProjectId project, String code, String name, UnitId unit, Stage from, Stage to,
			ProjectStatus fromStatus, ProjectStatus toStatus, LocalDate effective) {
	}

	/**
	 * A funds row (one project's month) recorded.
	 *
	 * @param month the first day of the month the money is booked in
	 * @param fundsInPlace in 10,000 yuan, as it stands now
	 */
	public record FundsEntry(long rowId, ProjectId project, String code, String name, UnitId unit, LocalDate month,
			BigDecimal fundsInPlace, Instant recordedAt) {
	}

	/** A project the dispatch rounds marked stalled (its mark as the ledger holds it now). */
	public record Stalled(ProjectId project, String code, String name, UnitId unit, int roundsWithoutProgress) {
	}

	private final JdbcClient jdbc;

	LedgerActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The moves applied or approved (never those pending or returned) that took effect from {@code from} to
	 * {@code to}, both included, days counted in {@code zone}; by effective day and the order they were recorded.
	 */
	public List<Move> movesEffective(LocalDate from, LocalDate to, ZoneId zone) {
		OffsetDateTime fromAt = OffsetDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
		OffsetDateTime toAt = OffsetDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
		List<Move> moves = new ArrayList<>();
		jdbc.sql("""
				SELECT m.id, m.project_id, p.code, p.name, p.unit_id, m.from_stage, m.to_stage, m.from_status,
				       m.to_status, m.move_date, m.state, m.submitted_at, m.reviewed_at
				FROM project_stage_move m JOIN project p ON p.id = m.project_id
				WHERE m.state IN ('APPLIED', 'APPROVED')
				  AND ((m.move_date >= :from AND m.move_date <= :to)
				       OR (m.move_date IS NULL AND m.submitted_at >= :fromAt AND m.submitted_at < :toAt)
				       OR (m.state = 'APPROVED' AND m.reviewed_at >= :fromAt AND m.reviewed_at < :toAt))
				ORDER BY m.id""")
			.param("from", from)
			.param("to", to)
			.param("fromAt", fromAt)
			.param("toAt", toAt)
			.query(rs -> {
				LocalDate day = rs.getObject("move_date", LocalDate.class);
				if (day == null) {
					day = rs.getObject("submitted_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
				}
				OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
				if ("APPROVED".equals(rs.getString("state")) && reviewed != null) {
					LocalDate approved = reviewed.atZoneSameInstant(zone).toLocalDate();
					if (approved.isAfter(day)) {
						day = approved;
					}
				}
				if (day.isBefore(from) || day.isAfter(to)) {
					return;
				}
				moves.add(new Move(rs.getLong("id"), new ProjectId(rs.getLong("project_id")), rs.getString("code"),
						rs.getString("name"), new UnitId(rs.getLong("unit_id")), Stage.valueOf(rs.getString("from_stage")),
						Stage.valueOf(rs.getString("to_stage")), ProjectStatus.valueOf(rs.getString("from_status")),
						ProjectStatus.valueOf(rs.getString("to_status")), day));
			});
		moves.sort(java.util.Comparator.comparing(Move::effective).thenComparingLong(Move::moveId));
		return moves;
	}

	/**
	 * The funds rows first recorded at or after {@code from} and before {@code to} (not the historical cumulative
	 * rows of the migration, and not later corrections of older rows), oldest first.
	 */
	public List<FundsEntry> fundsRecorded(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT f.id, f.project_id, p.code, p.name, p.unit_id, f.funds_month, f.funds_in_place, f.created_at
				FROM project_funds f JOIN project p ON p.id = f.project_id
				WHERE f.historical = FALSE AND f.created_at >= :from AND f.created_at < :to
				ORDER BY f.created_at, f.id""")
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query((rs, n) -> new FundsEntry(rs.getLong("id"), new ProjectId(rs.getLong("project_id")),
					rs.getString("code"), rs.getString("name"), new UnitId(rs.getLong("unit_id")),
					rs.getObject("funds_month", LocalDate.class), rs.getBigDecimal("funds_in_place"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The projects marked stalled now, by code. */
	public List<Stalled> stalled() {
		return jdbc.sql("SELECT id, code, name, unit_id, stalled_rounds FROM project WHERE stalled = TRUE ORDER BY code")
			.query((rs, n) -> new Stalled(new ProjectId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
					new UnitId(rs.getLong("unit_id")), rs.getInt("stalled_rounds")))
			.list();
	}
}
