package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fills a round's {@link Packet} from its stored reports. Once the round is closed the figures are those frozen at
 * closing (dispatch_scope); while it is open they are read live from the ledger with the same rules as the freeze
 * (funds rows of the months in the period, stage moves in force dated in the period, the REGISTERED milestone), so
 * the packet's figures are the ledger's either way. A unit's reader gets its own units' projects only.
 */
@Service
public class PacketQueries {

	private final JdbcClient jdbc;
	private final StalledQueries stalled;
	private final MessageSource messages;
	private final Clock clock;

	PacketQueries(JdbcClient jdbc, StalledQueries stalled, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.stalled = stalled;
		this.messages = messages;
		this.clock = clock;
	}

	/** One project of the round with its report and its figures (frozen or live). */
	record Line(long projectId, String code, String name, long unitId, String unitName, String reportStatus,
			String summary, String nextSteps, String stage, int stageMoves, BigDecimal funds, boolean milestone,
			String leaderName) {
	}

	List<Line> lines(long roundId, DataScope scope) {
		StalledQueries.RoundRef r = stalled.round(roundId);
		var sql = new StringBuilder("""
				SELECT s.project_id, p.code, p.name, s.unit_id, u.name, s.report_status, s.summary, s.next_steps,
				       CASE WHEN s.closed_snapshot THEN s.stage_at_close ELSE p.stage END,
				       CASE WHEN s.closed_snapshot THEN s.stage_moves_in_period ELSE
				         (SELECT COUNT(*) FROM project_stage_move m WHERE m.project_id = s.project_id
				            AND m.state IN ('APPLIED', 'APPROVED') AND m.from_stage <> m.to_stage
				            AND m.move_date BETWEEN :from AND :to) END,
				       CASE WHEN s.closed_snapshot THEN s.funds_in_period ELSE
				         COALESCE((SELECT SUM(f.funds_in_place) FROM project_funds f WHERE f.project_id = s.project_id
				            AND f.funds_month BETWEEN :month AND :to), 0) END,
				       CASE WHEN s.closed_snapshot THEN s.milestone_in_period ELSE
				         CASE WHEN p.registered_date BETWEEN :from AND :to THEN TRUE ELSE FALSE END END,
				       p.leader_name
				FROM dispatch_scope s
				JOIN project p ON p.id = s.project_id
				JOIN unit u ON u.id = s.unit_id
				WHERE s.round_id = :round""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("round", roundId);
		params.put("from", r.periodFrom());
		params.put("to", r.periodTo());
		params.put("month", r.periodFrom().withDayOfMonth(1));
		List<Long> units = StalledQueries.units(scope);
		if (units != null) {
			if (units.isEmpty()) {
				return List.of();
			}
			sql.append(" AND s.unit_id IN (:units)");
			params.put("units", units);
		}
		sql.append(" ORDER BY u.sort_order, u.id, p.code");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Line(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getInt(10), rs.getBigDecimal(11) == null ? BigDecimal.ZERO : rs.getBigDecimal(11),
				rs.getBoolean(12), rs.getString(13))).list();
	}

	/** The packet of a round as the reader may see it, in the reader's language. */
	public Packet packet(long roundId, DataScope scope, Locale locale) {
		var round = jdbc.sql("SELECT name, period_from, period_to, deadline, chair_name, status FROM dispatch_round "
				+ "WHERE id = :id")
			.param("id", roundId)
			.query((rs, n) -> new Packet.Header(t(locale, "packet.issuer"), rs.getString(1),
					rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5), "CLOSED".equals(rs.getString(6)),
					LocalDate.now(clock), stalled.threshold()))
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Line> lines = lines(roundId, scope);

		Map<Long, List<String>> problemsOf = new HashMap<>();
		Map<Long, List<Packet.ProblemLine>> problemLines = new HashMap<>();
		Map<Long, Line> byProject = lines.stream()
			.collect(Collectors.toMap(Line::projectId, l -> l, (a, b) -> a, LinkedHashMap::new));
		jdbc.sql("""
				SELECT q.project_id, q.text, COALESCE(q.owner_name, ou.name), q.due, q.decision, q.status
				FROM dispatch_problem q LEFT JOIN unit ou ON ou.id = q.owner_unit_id
				WHERE q.round_id = :round ORDER BY q.project_id, q.sort_order, q.id""")
			.param("round", roundId)
			.query(rs -> {
				Line l = byProject.get(rs.getLong(1));
				if (l == null) {
					return;
				}
				problemsOf.computeIfAbsent(l.projectId(), k -> new ArrayList<>()).add(rs.getString(2));
				problemLines.computeIfAbsent(l.projectId(), k -> new ArrayList<>()).add(new Packet.ProblemLine(l.unitName(), l.name(), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getString(5),
						t(locale, "DONE".equals(rs.getString(6)) ? "stalled.problem.done" : "stalled.problem.open")));
			});
		// problems in the order of the sections (unit, then project)
		List<Packet.ProblemLine> problems = new ArrayList<>();
		byProject.keySet().forEach(id -> problems.addAll(problemLines.getOrDefault(id, List.of())));

		Map<Long, List<Line>> byUnit = lines.stream()
			.collect(Collectors.groupingBy(Line::unitId, LinkedHashMap::new, Collectors.toList()));
		List<Packet.UnitSummary> units = new ArrayList<>();
		List<Packet.UnitSection> sections = new ArrayList<>();
		for (List<Line> unit : byUnit.values()) {
			String unitName = unit.get(0).unitName();
			units.add(new Packet.UnitSummary(unitName, unit.size(),
					(int) unit.stream().filter(l -> "SUBMITTED".equals(l.reportStatus())).count(),
					unit.stream().mapToInt(Line::stageMoves).sum(),
					unit.stream().map(Line::funds).reduce(BigDecimal.ZERO, BigDecimal::add)));
			sections.add(new Packet.UnitSection(unitName, unit.stream()
				.map(l -> new Packet.ProjectReport(l.code(), l.name(), stage(locale, l.stage()),
						t(locale, "stalled.report." + l.reportStatus()), l.summary(), l.stageMoves(), l.funds(),
						problemsOf.getOrDefault(l.projectId(), List.of()), l.nextSteps()))
				.toList()));
		}

		List<Packet.StalledLine> stalledLines = round.closed()
				? stalled.stalled(roundId, scope).stream()
					.map(s -> new Packet.StalledLine(s.unitName(), s.projectCode(), s.projectName(),
							s.roundsWithoutProgress(), s.rounds().stream().map(StalledQueries.RoundRef::name)
								.collect(Collectors.joining(t(locale, "stalled.separator")))))
					.toList()
				: List.of();

		Map<String, List<Packet.LeaderProject>> leaders = new java.util.TreeMap<>();
		for (Line l : lines) {
			if (l.leaderName() != null && !l.leaderName().isBlank()) {
				leaders.computeIfAbsent(l.leaderName(), k -> new ArrayList<>())
					.add(new Packet.LeaderProject(l.code(), l.name(), l.unitName(), stage(locale, l.stage()),
							l.stageMoves(), l.funds(), l.stageMoves() > 0 || l.funds().signum() > 0 || l.milestone()));
			}
		}
		return new Packet(round, units, sections, problems, stalledLines, leaders.entrySet()
			.stream()
			.map(e -> new Packet.LeaderProjects(e.getKey(), e.getValue()))
			.toList());
	}

	/** The packet as an official document. */
	public cn.zhaoshang.platform.document.OfficialDocument document(long roundId, DataScope scope, Locale locale) {
		return new PacketDocument(messages, locale).of(packet(roundId, scope, locale));
	}

	private String stage(Locale locale, String stage) {
		return stage == null ? "" : t(locale, "stage." + stage);
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
