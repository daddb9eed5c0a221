package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.ReportingPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly rankings (ADR 0015): compute a draft for a quarter with the formula in force (recomputed in
 * place while it is a draft), read one with its rows and parts, and publish it, which freezes it for good. Drafts
 * are the city bureau's; every internal role reads the published ones.
 */
@Service
public class Rankings implements RankingHistory {

	/** A ranking's status. */
	public enum Status {
		/** Computed, visible to the city bureau only, recomputed on demand. */
		DRAFT,
		/** Frozen and visible to every internal role; never changes again. */
		PUBLISHED;

		public String messageKey() {
			return "ranking.status." + name();
		}
	}

	/** A ranking's header. */
	public record Summary(long id, String quarter, Status status, int formulaVersion, LocalDate asOf,
			Instant computedAt, String computedBy, Instant publishedAt, String publishedBy, int version) {
	}

	/** A ranking with its rows in place order. */
	public record Ranking(Summary summary, List<Scoring.Row> rows) {

		public Optional<Scoring.Row> row(long unitId) {
			return rows.stream().filter(r -> r.unitId() == unitId).findFirst();
		}
	}

	private final JdbcClient jdbc;
	private final Formulas formulas;
	private final RankingInputs inputs;
	private final Auditor auditor;
	private final Clock clock;
	private final Publications publications;

	Rankings(JdbcClient jdbc, Formulas formulas, RankingInputs inputs, Auditor auditor, Clock clock,
			Publications publications) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.formulas = formulas;
		this.inputs = inputs;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Drafts are shown to the city bureau (and administrators) only. */
	public static boolean seesDrafts(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/** Reads {@code 2026-Q3}; anything else, or a quarter not yet begun, is refused naming the field. */
	public ReportingPeriod quarter(String text) {
		ReportingPeriod p;
		try {
			p = ReportingPeriod.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(List.of(new Violation("quarter", "ranking.validation.quarter")));
		}
		if (p.kind() != ReportingPeriod.Kind.QUARTER) {
			throw new InvalidInputException(List.of(new Violation("quarter", "ranking.validation.quarter")));
		}
		if (p.start().isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException(List.of(new Violation("quarter", "ranking.validation.future")));
		}
		return p;
	}

	/**
	 * Computes the quarter's ranking with the formula in force: the quarter's draft recomputed in place, or a new
	 * draft when it has none (a published ranking of the quarter stays as it is).
	 *
	 * @return the draft's id
	 */
	@Transactional
	public long compute(ReportingPeriod quarter, String user) {
		Formula formula = formulas.current();
		List<Scoring.Row> rows = Scoring.rank(formula, inputs.of(quarter));
		Instant now = clock.instant();
		Optional<Summary> draft = list().stream()
			.filter(s -> s.quarter().equals(quarter.toString()) && s.status() == Status.DRAFT)
			.findFirst();
		long id;
		if (draft.isPresent()) {
			id = draft.get().id();
			jdbc.sql("DELETE FROM ranking_part WHERE ranking_id = :id").param("id", id).update();
			jdbc.sql("DELETE FROM ranking_row WHERE ranking_id = :id").param("id", id).update();
			jdbc.sql("""
					UPDATE ranking SET formula_version = :f, as_of = :asOf, computed_at = :at, computed_by = :u,
					    version = version + 1
					WHERE id = :id AND status = 'DRAFT'""")
				.param("f", formula.version())
				.param("asOf", quarter.end())
				.param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
				.param("u", user)
				.param("id", id)
				.update();
		}
		else {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO ranking (quarter, status, formula_version, as_of, computed_at, computed_by)
					VALUES (:q, 'DRAFT', :f, :asOf, :at, :u)""")
				.param("q", quarter.toString())
				.param("f", formula.version())
				.param("asOf", quarter.end())
				.param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
				.param("u", user)
				.update(keys, "id");
			id = keys.getKey().longValue();
		}
		for (Scoring.Row r : rows) {
			jdbc.sql("INSERT INTO ranking_row (ranking_id, unit_id, unit_name, place, score) VALUES (:r, :u, :n, :p, :s)")
				.param("r", id)
				.param("u", r.unitId())
				.param("n", r.unitName())
				.param("p", r.rank())
				.param("s", r.score())
				.update();
			int seq = 1;
			for (Scoring.Part p : r.parts()) {
				jdbc.sql("""
						INSERT INTO ranking_part (ranking_id, unit_id, seq, criterion, figure, achieved, basis, weight,
						    cap, points)
						VALUES (:r, :u, :seq, :c, :v, :a, :b, :w, :cap, :p)""")
					.param("r", id)
					.param("u", r.unitId())
					.param("seq", seq++)
					.param("c", p.criterion().name())
					.param("v", p.value())
					.param("a", p.achieved())
					.param("b", p.basis())
					.param("w", p.weight())
					.param("cap", p.cap())
					.param("p", p.points())
					.update();
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("quarter", quarter.toString());
		after.put("formulaVersion", formula.version());
		after.put("places", String.join("; ", rows.stream()
			.map(r -> r.rank() + " " + (r.unitName() == null ? r.unitId() : r.unitName()) + " " + r.score().toPlainString())
			.toList()));
		auditor.record("ranking", id, draft.isPresent() ? "RECOMPUTE" : "CREATE", quarter.toString(), Map.of(), after);
		return id;
	}

	private static final String HEAD = """
			SELECT id, quarter, status, formula_version, as_of, computed_at, computed_by, published_at, published_by,
			       version
			FROM ranking""";

	private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime published = rs.getObject(8, OffsetDateTime.class);
		return new Summary(rs.getLong(1), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getInt(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
				published == null ? null : published.toInstant(), rs.getString(9), rs.getInt(10));
	}

	/** Every ranking, the latest quarter first, drafts before the published ones of a quarter. */
	@Transactional(readOnly = true)
	public List<Summary> list() {
		return jdbc.sql(HEAD + " ORDER BY quarter DESC, status, id DESC").query((rs, n) -> summary(rs)).list();
	}

	/** The rankings a user may see: drafts only for the city bureau. */
	@Transactional(readOnly = true)
	public List<Summary> list(CurrentUser user) {
		return list().stream().filter(s -> s.status() == Status.PUBLISHED || seesDrafts(user)).toList();
	}

	/** A ranking as the user may see it: a draft is not found for anyone but the city bureau. */
	@Transactional(readOnly = true)
	public Ranking find(long id, CurrentUser user) {
		Ranking r = find(id);
		if (r.summary().status() == Status.DRAFT && !seesDrafts(user)) {
			throw new NotFoundException();
		}
		return r;
	}

	@Transactional(readOnly = true)
	public Ranking find(long id) {
		Summary s = jdbc.sql(HEAD + " WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> summary(rs))
			.optional()
			.orElseThrow(NotFoundException::new);
		Map<Long, List<Scoring.Part>> parts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT unit_id, criterion, figure, achieved, basis, weight, cap, points
				FROM ranking_part WHERE ranking_id = :id ORDER BY unit_id, seq""")
			.param("id", id)
			.query(rs -> {
				parts.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>())
					.add(new Scoring.Part(RankingCriterion.valueOf(rs.getString(2)), rs.getBigDecimal(3),
							rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
							rs.getBigDecimal(8)));
			});
		List<Scoring.Row> rows = jdbc.sql("""
				SELECT unit_id, unit_name, place, score FROM ranking_row WHERE ranking_id = :id
				ORDER BY place, unit_id""")
			.param("id", id)
			.query((rs, n) -> new Scoring.Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
					parts.getOrDefault(rs.getLong(1), List.of())))
			.list();
		return new Ranking(s, rows);
	}

	/**
	 * Publishes a draft: from now on it never changes.
	 *
	 * @param expectedVersion the version the publisher saw (null: whatever it is); a recomputed draft is 409
	 */
	@Transactional
	public Summary publish(long id, Integer expectedVersion, CurrentUser user) {
		Summary s = find(id).summary();
		if (s.status() == Status.PUBLISHED) {
			throw new BusinessException(409, "ranking.alreadyPublished");
		}
		if (expectedVersion != null && expectedVersion != s.version()) {
			throw new BusinessException(409, "ranking.stale");
		}
		int updated = jdbc.sql("""
				UPDATE ranking SET status = 'PUBLISHED', published_at = :at, published_by = :u, version = version + 1
				WHERE id = :id AND status = 'DRAFT' AND version = :v""")
			.param("at", OffsetDateTime.now(clock))
			.param("u", user.getUsername())
			.param("id", id)
			.param("v", s.version())
			.update();
		if (updated != 1) {
			throw new BusinessException(409, "ranking.stale");
		}
		auditor.record("ranking", id, "PUBLISH", s.quarter(), Map.of("status", "DRAFT"),
				Map.of("status", "PUBLISHED", "formulaVersion", s.formulaVersion()));
		// the shared figures behind the scores are frozen beside them: later edits are listed as corrections
		publications.publish(Publications.Kind.RANKING, ReportingPeriod.parse(s.quarter()), s.quarter(), id,
				"/supervision/rankings/" + id, user);
		return find(id).summary();
	}

	/** The corrections recorded against a published ranking's figures since it was published (oldest first). */
	@Transactional(readOnly = true)
	public List<Publications.Correction> corrections(long id) {
		return publications.of(Publications.Kind.RANKING)
			.stream()
			.filter(p -> p.referenceId() != null && p.referenceId() == id)
			.findFirst()
			.map(p -> publications.corrections(p.id()))
			.orElse(List.of());
	}

	/** The latest published ranking of each quarter of the year. */
	@Override
	@Transactional(readOnly = true)
	public List<QuarterRanking> ofYear(int year) {
		List<QuarterRanking> out = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			String quarter = year + "-Q" + q;
			Optional<Long> id = jdbc.sql("""
					SELECT id FROM ranking WHERE quarter = :q AND status = 'PUBLISHED'
					ORDER BY published_at DESC, id DESC""")
				.param("q", quarter)
				.query(Long.class)
				.list()
				.stream()
				.findFirst();
			if (id.isPresent()) {
				Ranking r = find(id.get());
				out.add(new QuarterRanking(quarter, r.summary().id(), r.summary().formulaVersion(),
						r.rows().stream()
							.map(row -> new Place(new UnitId(row.unitId()), row.unitName(), row.rank(), row.score()))
							.toList()));
			}
		}
		return out;
	}

	/** The score's sum check used by tests and the page: the parts' points add up to the score. */
	public static BigDecimal sum(Scoring.Row row) {
		return row.parts().stream().map(Scoring.Part::points).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}
}
