package cn.zhaoshang.project.internal;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.CreditShares;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of {@code project_credit_share} (ADR 0012): the default share every new project gets (single projects,
 * the ledger import and the load-data generator in batches), the default following the landing unit, and
 * {@link CreditShares#set} for later allocation work.
 */
@Service
class CreditShareStore implements CreditShares {

	private static final String INSERT_DEFAULT = """
			INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share, created_by, updated_by,
			    created_at, updated_at)
			VALUES (:p, :u, 10000, TRUE, :by, :by, :at, :at)""";

	private static final String FOLLOW = """
			UPDATE project_credit_share SET unit_id = :u, version = version + 1, updated_by = :by, updated_at = :at
			WHERE project_id = :p AND default_share = TRUE AND unit_id <> :u""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations named;
	private final ProjectAccess access;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;
	private final SharedSums shared;

	CreditShareStore(JdbcClient jdbc, NamedParameterJdbcOperations named, ProjectAccess access, Units units,
			Auditor auditor, Clock clock, SharedSums shared) {
		this.shared = shared;
		this.jdbc = jdbc;
		this.named = named;
		this.access = access;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------- the default share

	/** A new project's 100 % to its landing unit, since it began. */
	void addDefault(long projectId, long unitId, String by) {
		addDefaults(List.of(new long[] { projectId, unitId }), by);
	}

	/** Default shares for many new projects at once (pairs of project id and landing unit id), in JDBC batches. */
	void addDefaults(List<long[]> projectAndUnit, String by) {
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		for (int from = 0; from < projectAndUnit.size(); from += ProjectRows.BATCH) {
			named.batchUpdate(INSERT_DEFAULT, projectAndUnit
				.subList(from, Math.min(projectAndUnit.size(), from + ProjectRows.BATCH))
				.stream()
				.map(pu -> new MapSqlParameterSource().addValue("p", pu[0], Types.BIGINT)
					.addValue("u", pu[1], Types.BIGINT)
					.addValue("by", by, Types.VARCHAR)
					.addValue("at", at, Types.TIMESTAMP_WITH_TIMEZONE))
				.toArray(SqlParameterSource[]::new));
		}
	}

	/**
	 * The default share moves with the landing unit, for the whole of its term: the default is no decision, only
	 * "whoever the landing unit is", and a changed landing unit is most often a correction. Shares set on purpose
	 * ({@link #set}) stay as they are.
	 */
	void followLandingUnit(long projectId, long unitId, String by) {
		followLandingUnits(List.of(new long[] { projectId, unitId }), by);
	}

	void followLandingUnits(List<long[]> projectAndUnit, String by) {
		// the projects that are not plain: their split over the shares changes with a default share's unit (ADR 0017)
		var before = shared.snapshot(projectAndUnit.stream().map(pu -> pu[0]).toList(), SharedSums.Part.ALL);
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		for (int from = 0; from < projectAndUnit.size(); from += ProjectRows.BATCH) {
			named.batchUpdate(FOLLOW, projectAndUnit
				.subList(from, Math.min(projectAndUnit.size(), from + ProjectRows.BATCH))
				.stream()
				.map(pu -> new MapSqlParameterSource().addValue("p", pu[0], Types.BIGINT)
					.addValue("u", pu[1], Types.BIGINT)
					.addValue("by", by, Types.VARCHAR)
					.addValue("at", at, Types.TIMESTAMP_WITH_TIMEZONE))
				.toArray(SqlParameterSource[]::new));
		}
		shared.update(before);
	}

	// ------------------------------------------------------------------------------------------------ reading

	private record Row(long id, CreditShare share, int version) {
	}

	private List<Row> rows(long projectId) {
		return jdbc.sql("""
				SELECT id, unit_id, share_bp, valid_from, valid_to, default_share, reason, version
				FROM project_credit_share WHERE project_id = :p
				ORDER BY valid_from NULLS FIRST, id""")
			.param("p", projectId)
			.query((rs, n) -> new Row(rs.getLong("id"),
					new CreditShare(new UnitId(rs.getLong("unit_id")), rs.getInt("share_bp"),
							rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
							rs.getBoolean("default_share"), rs.getString("reason")),
					rs.getInt("version")))
			.list();
	}

	@Override
	public List<CreditShare> history(ProjectId project) {
		return rows(project.value()).stream().map(Row::share).toList();
	}

	@Override
	public List<CreditShare> inForce(ProjectId project, LocalDate date) {
		return history(project).stream().filter(s -> s.inForce(date)).toList();
	}

	// ------------------------------------------------------------------------------------------------ setting

	@Override
	@Transactional
	public void set(ProjectId project, LocalDate from, List<NewShare> shares, String reason, CurrentUser user) {
		Project p = user.role().isCityWide() ? access.readable(project.value(), user)
				: access.editable(project.value(), user);
		check(from, shares, reason);
		// the figures' corrections of the project re-credited over its new shares, in this transaction (ADR 0017)
		var sums = shared.snapshot(List.of(p.id), SharedSums.Part.ALL);
		List<Row> before = rows(p.id);
		String by = user.getUsername();
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		for (Row r : before) {
			CreditShare s = r.share();
			int changed;
			if (s.validFrom() != null && !s.validFrom().isBefore(from)) {
				changed = jdbc.sql("DELETE FROM project_credit_share WHERE id = :id AND version = :v")
					.param("id", r.id())
					.param("v", r.version())
					.update();
			}
			else if (s.validTo() == null || !s.validTo().isBefore(from)) {
				changed = jdbc.sql("""
						UPDATE project_credit_share SET valid_to = :to, version = version + 1, updated_by = :by,
						    updated_at = :at
						WHERE id = :id AND version = :v""")
					.param("to", from.minusDays(1))
					.param("by", by)
					.param("at", at)
					.param("id", r.id())
					.param("v", r.version())
					.update();
			}
			else {
				continue;
			}
			if (changed == 0) {
				throw new OptimisticLockingFailureException("credit shares of project " + p.id + " changed meanwhile");
			}
		}
		String trimmed = reason.trim();
		for (NewShare s : shares) {
			jdbc.sql("""
					INSERT INTO project_credit_share (project_id, unit_id, share_bp, valid_from, default_share, reason,
					    created_by, updated_by, created_at, updated_at)
					VALUES (:p, :u, :bp, :from, FALSE, :reason, :by, :by, :at, :at)""")
				.param("p", p.id)
				.param("u", s.unit().value())
				.param("bp", s.basisPoints())
				.param("from", from)
				.param("reason", trimmed)
				.param("by", by)
				.param("at", at)
				.update();
		}
		shared.update(sums);
		auditor.record("project", p.id, "CREDIT_SHARES",
				p.code + " " + (trimmed.length() > 150 ? trimmed.substring(0, 150) : trimmed), view(before.stream().map(Row::share)
			.toList()), view(history(project)));
	}

	private void check(LocalDate from, List<NewShare> shares, String reason) {
		List<Violation> violations = new ArrayList<>();
		if (from == null) {
			violations.add(new Violation("from", "validation.required"));
		}
		if (reason == null || reason.isBlank()) {
			violations.add(new Violation("reason", "validation.required"));
		}
		else if (reason.trim().length() > 500) {
			violations.add(new Violation("reason", "validation.creditShares.reasonTooLong", 500));
		}
		if (shares == null || shares.isEmpty()) {
			violations.add(new Violation("shares", "validation.required"));
		}
		else {
			int sum = 0;
			Set<UnitId> seen = new HashSet<>();
			for (NewShare s : shares) {
				if (s.unit() == null || units.find(s.unit()).isEmpty()) {
					violations.add(new Violation("shares", "validation.unknown"));
					continue;
				}
				if (!seen.add(s.unit())) {
					violations.add(new Violation("shares", "validation.creditShares.unitTwice"));
				}
				if (s.basisPoints() <= 0) {
					violations.add(new Violation("shares", "validation.creditShares.positive"));
				}
				sum += s.basisPoints();
			}
			if (sum != Shares.WHOLE) {
				violations.add(new Violation("shares", "validation.creditShares.sum",
						java.math.BigDecimal.valueOf(sum, 2).toPlainString()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static Map<String, Object> view(List<CreditShare> shares) {
		Map<String, Object> m = new LinkedHashMap<>();
		int i = 0;
		for (CreditShare s : shares) {
			m.put("share" + (++i), s.unit().value() + " " + s.percent().toPlainString() + "% "
					+ (s.validFrom() == null ? "" : s.validFrom()) + ".." + (s.validTo() == null ? "" : s.validTo()));
		}
		return m;
	}
}
