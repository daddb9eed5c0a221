package cn.zhaoshang.activity.team;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.clue.ClueCredits;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident teams (驻地招商组, policy clause X): their region, members and work log (visits, contacts, clues),
 * and their clue-to-project conversion as the clue module counts it (clues credited to the team, those converted).
 * Every internal role reads; a team's own users (and the city bureau) write its log; every write audited as
 * {@code team_log}.
 */
@Service
public class Teams {

	public static final String RECORD = "team_log";

	/** A resident team with its year in figures. */
	public record Team(long unitId, String name, String region, List<String> members, long logs,
			ClueCredits.Conversion conversion) {
	}

	public record Log(long id, long unitId, String unitName, LocalDate date, TeamLogKind kind, Long merchantId,
			String merchantName, String workDone, Long clueId, int version, String createdBy) {
	}

	public record LogInput(Long unitId, LocalDate date, TeamLogKind kind, Long merchantId, String workDone,
			Long clueId) {
	}

	public record LogFilter(Long unit, TeamLogKind kind, LocalDate from, LocalDate to, String q) {
	}

	private static final String SELECT = """
			SELECT l.id, l.unit_id, u.name AS unit_name, l.log_date, l.kind, l.merchant_id, m.name AS merchant_name,
			       l.text, l.clue_id, l.version, l.created_by
			FROM team_log l JOIN unit u ON u.id = l.unit_id LEFT JOIN merchant m ON m.id = l.merchant_id""";

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final DataScopes scopes;
	private final ClueCredits credits;
	private final Clock clock;

	Teams(JdbcClient jdbc, Auditor auditor, DataScopes scopes, ClueCredits credits, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.scopes = scopes;
		this.credits = credits;
		this.clock = clock;
	}

	/** The resident teams in unit order, with members, the year's log lines and clue conversion. */
	public List<Team> teams(int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		return jdbc.sql("""
				SELECT u.id, u.name, u.region,
				       (SELECT COUNT(*) FROM team_log l WHERE l.unit_id = u.id AND l.log_date BETWEEN :from AND :to)
				FROM unit u WHERE u.type = 'RESIDENT_TEAM' AND u.active = TRUE ORDER BY u.sort_order, u.id""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4) })
			.list()
			.stream()
			.map(r -> new Team((Long) r[0], (String) r[1], (String) r[2], members((Long) r[0]), (Long) r[3],
					credits.of(new UnitId((Long) r[0]), from, to)))
			.toList();
	}

	public Team team(long unit, int year) {
		return teams(year).stream().filter(t -> t.unitId() == unit).findFirst().orElseThrow(NotFoundException::new);
	}

	private List<String> members(long unit) {
		return jdbc.sql("SELECT name, title FROM person WHERE unit_id = :u AND active = TRUE ORDER BY id")
			.param("u", unit)
			.query((rs, n) -> rs.getString(2) == null ? rs.getString(1) : rs.getString(1) + " · " + rs.getString(2))
			.list();
	}

	public Paging<Log> logs(LogFilter f, int page, int size, boolean clamp) {
		SqlFilter where = where(f);
		long total = jdbc.sql("SELECT COUNT(*) FROM team_log l JOIN unit u ON u.id = l.unit_id "
				+ "LEFT JOIN merchant m ON m.id = l.merchant_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(SELECT + where.sql() + " ORDER BY l.log_date DESC, l.id DESC LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(Teams::log)
			.list());
	}

	public List<Log> allLogs(LogFilter f) {
		SqlFilter where = where(f);
		return jdbc.sql(SELECT + where.sql() + " ORDER BY l.log_date DESC, l.id DESC LIMIT 20000")
			.params(where.params())
			.query(Teams::log)
			.list();
	}

	public Log log(long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(Teams::log).optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Whether the user writes this team's log: its own users and the city bureau. */
	public boolean canWrite(long unit, CurrentUser user) {
		return user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unit));
	}

	@Transactional
	public Log add(LogInput in, CurrentUser user) {
		List<Violation> problems = new ArrayList<>();
		Checks.date("date", in.date(), true, problems);
		Checks.required("kind", in.kind(), problems);
		String workDone = Checks.text("workDone", in.workDone(), 2000, true, problems);
		Checks.ids(jdbc, "merchantId", "merchant", in.merchantId() == null ? List.of() : List.of(in.merchantId()),
				problems);
		Checks.ids(jdbc, "clueId", "clue", in.clueId() == null ? List.of() : List.of(in.clueId()), problems);
		if (in.kind() == TeamLogKind.CLUE && in.clueId() == null) {
			problems.add(new Violation("clueId", "team.rule.clueLine"));
		}
		if (in.unitId() != null && jdbc.sql("SELECT COUNT(*) FROM unit WHERE id = :u AND type = 'RESIDENT_TEAM'")
			.param("u", in.unitId()).query(Long.class).single() == 0) {
			problems.add(new Violation("unitId", "team.rule.notTeam"));
		}
		else {
			Checks.editableUnit(jdbc, "unitId", in.unitId(), scopes.of(user), problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var keys = new GeneratedKeyHolder();
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO team_log (unit_id, log_date, kind, merchant_id, text, clue_id, version, created_by,
				    updated_by, created_at, updated_at)
				VALUES (:u, :d, :k, :m, :t, :c, 0, :by, :by, :now, :now)""")
			.param("u", in.unitId())
			.param("d", in.date())
			.param("k", in.kind().name())
			.param("m", in.merchantId())
			.param("t", workDone)
			.param("c", in.clueId())
			.param("by", Checks.by(user))
			.param("now", now)
			.update(keys, "id");
		Log saved = log(keys.getKey().longValue());
		auditor.record(RECORD, saved.id(), "CREATE", saved.unitName() + " " + saved.date(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public void delete(long id, Integer version, CurrentUser user) {
		Log before = log(id);
		Checks.requireEditable(scopes.of(user), before.unitId());
		Checks.requireOne(jdbc.sql("DELETE FROM team_log WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version == null ? -1 : version)
			.update(), "team log", id);
		auditor.record(RECORD, id, "DELETE", before.unitName() + " " + before.date(), audit(before), Map.of());
	}

	private static SqlFilter where(LogFilter f) {
		return SqlFilter.where()
			.eq("l.unit_id", "unit", f.unit())
			.eq("l.kind", "kind", f.kind() == null ? null : f.kind().name())
			.range("l.log_date", "from", f.from(), "to", f.to())
			.containsIgnoringCase("q", f.q() == null || f.q().isBlank() ? null : f.q().strip(), "l.text", "m.name");
	}

	private static Log log(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Log(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getObject("log_date", LocalDate.class), TeamLogKind.valueOf(rs.getString("kind")),
				(Long) rs.getObject("merchant_id", Long.class), rs.getString("merchant_name"), rs.getString("text"),
				(Long) rs.getObject("clue_id", Long.class), rs.getInt("version"), rs.getString("created_by"));
	}

	private static Map<String, Object> audit(Log l) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", l.unitId());
		m.put("date", l.date().toString());
		m.put("logKind", l.kind().name());
		m.put("merchantId", l.merchantId());
		m.put("workDone", l.workDone());
		m.put("clueId", l.clueId());
		return m;
	}
}
