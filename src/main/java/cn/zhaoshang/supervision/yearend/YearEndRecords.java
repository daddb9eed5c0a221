package cn.zhaoshang.supervision.yearend;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the city bureau records for a year-end summary: commendations (advanced units, advanced individuals,
 * excellent projects: kind, who or what, reason) and fault-tolerance exemptions (policy clause XVIII: person,
 * matter, decision, date). Created, changed at the version read and deleted at the version read, by administrators
 * and city supervisors only; every write audited as {@code year_commendation} or {@code fault_exemption}.
 */
@Service
public class YearEndRecords {

	public static final String COMMENDATION = "year_commendation";

	public static final String EXEMPTION = "fault_exemption";

	public record Commendation(long id, int year, CommendationKind kind, String subject, String reason, int version) {
	}

	public record Exemption(long id, int year, String person, String matter, String decision, LocalDate decidedOn,
			int version) {
	}

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final java.time.Clock clock;

	YearEndRecords(JdbcClient jdbc, Auditor auditor, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
	}

	public List<Commendation> commendations(int year) {
		return jdbc.sql("""
				SELECT id, award_year, kind, subject, reason, version FROM year_commendation WHERE award_year = :y
				ORDER BY CASE kind WHEN 'UNIT' THEN 0 WHEN 'PERSON' THEN 1 ELSE 2 END, id""")
			.param("y", year)
			.query((rs, n) -> new Commendation(rs.getLong("id"), rs.getInt("award_year"),
					CommendationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("reason"),
					rs.getInt("version")))
			.list();
	}

	public List<Exemption> exemptions(int year) {
		return jdbc.sql("""
				SELECT id, award_year, person, matter, decision, decided_on, version FROM fault_exemption
				WHERE award_year = :y ORDER BY decided_on, id""")
			.param("y", year)
			.query((rs, n) -> new Exemption(rs.getLong("id"), rs.getInt("award_year"), rs.getString("person"),
					rs.getString("matter"), rs.getString("decision"), rs.getObject("decided_on", LocalDate.class),
					rs.getInt("version")))
			.list();
	}

	@Transactional
	public Commendation addCommendation(int year, CommendationKind kind, String subject, String reason,
			CurrentUser user) {
		requireBureau(user);
		checkYear(year);
		var c = checkCommendation(kind, subject, reason);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO year_commendation (award_year, kind, subject, reason, version, created_by, updated_by,
				    created_at, updated_at)
				VALUES (:y, :k, :s, :r, 0, :by, :by, :now, :now)""")
			.param("y", year)
			.param("k", c.kind().name())
			.param("s", c.subject())
			.param("r", c.reason())
			.param("by", user.getUsername())
			.param("now", now())
			.update(keys, "id");
		Commendation saved = commendation(keys.getKey().longValue());
		auditor.record(COMMENDATION, saved.id(), "CREATE", year + " " + saved.subject(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public Commendation changeCommendation(long id, Integer version, CommendationKind kind, String subject,
			String reason, CurrentUser user) {
		requireBureau(user);
		Commendation before = commendation(id);
		var c = checkCommendation(kind, subject, reason);
		int n = jdbc.sql("""
				UPDATE year_commendation SET kind = :k, subject = :s, reason = :r, version = version + 1,
				    updated_by = :by, updated_at = :now WHERE id = :id AND version = :v""")
			.param("k", c.kind().name())
			.param("s", c.subject())
			.param("r", c.reason())
			.param("by", user.getUsername())
			.param("now", now())
			.param("id", id)
			.param("v", version == null ? -1 : version)
			.update();
		requireOne(n, "commendation", id);
		Commendation after = commendation(id);
		auditor.record(COMMENDATION, id, "UPDATE", after.year() + " " + after.subject(), audit(before), audit(after));
		return after;
	}

	@Transactional
	public void deleteCommendation(long id, Integer version, CurrentUser user) {
		requireBureau(user);
		Commendation before = commendation(id);
		deleteVersioned("year_commendation", "commendation", id, version);
		auditor.record(COMMENDATION, id, "DELETE", before.year() + " " + before.subject(), audit(before), Map.of());
	}

	@Transactional
	public Exemption addExemption(int year, String person, String matter, String decision, LocalDate decidedOn,
			CurrentUser user) {
		requireBureau(user);
		checkYear(year);
		var e = checkExemption(person, matter, decision, decidedOn);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO fault_exemption (award_year, person, matter, decision, decided_on, version, created_by,
				    updated_by, created_at, updated_at)
				VALUES (:y, :p, :m, :d, :on, 0, :by, :by, :now, :now)""")
			.param("y", year)
			.param("p", e.person())
			.param("m", e.matter())
			.param("d", e.decision())
			.param("on", e.decidedOn())
			.param("by", user.getUsername())
			.param("now", now())
			.update(keys, "id");
		Exemption saved = exemption(keys.getKey().longValue());
		auditor.record(EXEMPTION, saved.id(), "CREATE", year + " " + saved.person(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public Exemption changeExemption(long id, Integer version, String person, String matter, String decision,
			LocalDate decidedOn, CurrentUser user) {
		requireBureau(user);
		Exemption before = exemption(id);
		var e = checkExemption(person, matter, decision, decidedOn);
		int n = jdbc.sql("""
				UPDATE fault_exemption SET person = :p, matter = :m, decision = :d, decided_on = :on,
				    version = version + 1, updated_by = :by, updated_at = :now WHERE id = :id AND version = :v""")
			.param("p", e.person())
			.param("m", e.matter())
			.param("d", e.decision())
			.param("on", e.decidedOn())
			.param("by", user.getUsername())
			.param("now", now())
			.param("id", id)
			.param("v", version == null ? -1 : version)
			.update();
		requireOne(n, "exemption", id);
		Exemption after = exemption(id);
		auditor.record(EXEMPTION, id, "UPDATE", after.year() + " " + after.person(), audit(before), audit(after));
		return after;
	}

	@Transactional
	public void deleteExemption(long id, Integer version, CurrentUser user) {
		requireBureau(user);
		Exemption before = exemption(id);
		deleteVersioned("fault_exemption", "exemption", id, version);
		auditor.record(EXEMPTION, id, "DELETE", before.year() + " " + before.person(), audit(before), Map.of());
	}

	/** Deletes the row of {@code table} at the version the caller read; another version is a stale edit. */
	private void deleteVersioned(String table, String what, long id, Integer version) {
		int n = jdbc.sql("DELETE FROM " + table + " WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version == null ? -1 : version)
			.update();
		requireOne(n, what, id);
	}

	/** A versioned write touched exactly one row, or the record changed since the caller read it. */
	private static void requireOne(int updated, String what, long id) {
		if (updated != 1) {
			throw new OptimisticLockingFailureException(what + " " + id + " changed");
		}
	}

	public Commendation commendation(long id) {
		return jdbc.sql("SELECT id, award_year, kind, subject, reason, version FROM year_commendation WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Commendation(rs.getLong("id"), rs.getInt("award_year"),
					CommendationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("reason"),
					rs.getInt("version")))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	public Exemption exemption(long id) {
		return jdbc.sql("""
				SELECT id, award_year, person, matter, decision, decided_on, version FROM fault_exemption
				WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Exemption(rs.getLong("id"), rs.getInt("award_year"), rs.getString("person"),
					rs.getString("matter"), rs.getString("decision"), rs.getObject("decided_on", LocalDate.class),
					rs.getInt("version")))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Only the city bureau records commendations and exemptions. */
	public static boolean mayEdit(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	private static void requireBureau(CurrentUser user) {
		if (!mayEdit(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	static void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException(List.of(new Violation("year", "observation.rule.year")));
		}
	}

	private static Commendation checkCommendation(CommendationKind kind, String subject, String reason) {
		List<Violation> problems = new ArrayList<>();
		if (kind == null) {
			problems.add(new Violation("kind", "observation.rule.required"));
		}
		String s = text("subject", subject, 200, problems);
		String r = text("reason", reason, 2000, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Commendation(0, 0, kind, s, r, 0);
	}

	private static Exemption checkExemption(String person, String matter, String decision, LocalDate decidedOn) {
		List<Violation> problems = new ArrayList<>();
		String p = text("person", person, 100, problems);
		String m = text("matter", matter, 2000, problems);
		String d = text("decision", decision, 2000, problems);
		if (decidedOn == null) {
			problems.add(new Violation("decidedOn", "observation.rule.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Exemption(0, 0, p, m, d, decidedOn, 0);
	}

	private static String text(String field, String value, int max, List<Violation> problems) {
		String s = value == null || value.isBlank() ? null : value.strip();
		if (s == null) {
			problems.add(new Violation(field, "observation.rule.required"));
		}
		else if (s.length() > max) {
			problems.add(new Violation(field, "observation.rule.tooLong", max));
		}
		return s;
	}

	private static Map<String, Object> audit(Commendation c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("year", c.year());
		m.put("kind", c.kind().name());
		m.put("subject", c.subject());
		m.put("reason", c.reason());
		return m;
	}

	private static Map<String, Object> audit(Exemption e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("year", e.year());
		m.put("person", e.person());
		m.put("matter", e.matter());
		m.put("decision", e.decision());
		m.put("decidedOn", e.decidedOn().toString());
		return m;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
