package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the ranking formula (ADR 0015): read any version, the current one (the highest), and save an
 * edit as the next version. Versions are never changed or deleted, so a published ranking's formula stays readable.
 */
@Service
public class Formulas {

	static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);

	static final BigDecimal MAX_CAP = BigDecimal.valueOf(1000);

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;

	Formulas(JdbcClient jdbc, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The formula in force: the highest version. */
	@Transactional(readOnly = true)
	public Formula current() {
		return of(jdbc.sql("SELECT MAX(formula_version) FROM ranking_formula").query(Integer.class).single());
	}

	@Transactional(readOnly = true)
	public Formula of(int version) {
		var head = jdbc.sql("SELECT formula_version, note, created_by, created_at FROM ranking_formula WHERE formula_version = :v")
			.param("v", version)
			.query((rs, n) -> new Formula(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), List.of()))
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Formula.Criterion> criteria = jdbc.sql("""
				SELECT criterion, weight, cap FROM ranking_formula_criterion WHERE formula_version = :v ORDER BY seq""")
			.param("v", version)
			.query((rs, n) -> new Formula.Criterion(RankingCriterion.valueOf(rs.getString(1)), rs.getBigDecimal(2),
					rs.getBigDecimal(3)))
			.list();
		return new Formula(head.version(), head.note(), head.createdBy(), head.createdAt(), criteria);
	}

	/** Every version, the newest first. */
	@Transactional(readOnly = true)
	public List<Formula> versions() {
		return jdbc.sql("SELECT formula_version FROM ranking_formula ORDER BY formula_version DESC")
			.query(Integer.class)
			.list()
			.stream()
			.map(this::of)
			.toList();
	}

	/**
	 * The checks of an edit: at least one criterion, each once, weight above 0 and at most 100 with 2 decimals, cap
	 * above 0 and at most 1000 with 1 decimal.
	 */
	public static List<Violation> check(List<Formula.Criterion> criteria) {
		List<Violation> problems = new ArrayList<>();
		if (criteria == null || criteria.isEmpty()) {
			problems.add(new Violation("criteria", "ranking.validation.noCriteria"));
			return problems;
		}
		Set<RankingCriterion> seen = new HashSet<>();
		for (int i = 0; i < criteria.size(); i++) {
			Formula.Criterion c = criteria.get(i);
			String at = "criteria[" + i + "].";
			if (c.criterion() == null) {
				problems.add(new Violation(at + "criterion", "validation.required"));
				continue;
			}
			if (!seen.add(c.criterion())) {
				problems.add(new Violation(at + "criterion", "ranking.validation.duplicate", c.criterion().name()));
			}
			BigDecimal w = c.weight();
			if (w == null || w.signum() <= 0 || w.compareTo(MAX_WEIGHT) > 0 || w.stripTrailingZeros().scale() > 2) {
				problems.add(new Violation(at + "weight", "ranking.validation.weight"));
			}
			BigDecimal cap = c.cap();
			if (cap != null && (cap.signum() <= 0 || cap.compareTo(MAX_CAP) > 0 || cap.stripTrailingZeros().scale() > 1)) {
				problems.add(new Violation(at + "cap", "ranking.validation.cap"));
			}
		}
		return problems;
	}

	/**
	 * Saves an edit as the next version (the current version plus one) and audits it.
	 *
	 * @param basedOn the version the editor started from: a stale one (someone saved meanwhile) is refused with 409
	 */
	@Transactional
	public Formula save(List<Formula.Criterion> criteria, String note, int basedOn, String user) {
		List<Violation> problems = check(criteria);
		if (note != null && note.length() > 500) {
			problems.add(new Violation("note", "ranking.validation.note"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Formula was = current();
		if (was.version() != basedOn) {
			throw new BusinessException(409, "ranking.formula.stale", was.version());
		}
		int next = was.version() + 1;
		jdbc.sql("INSERT INTO ranking_formula (formula_version, note, created_by, created_at) VALUES (:v, :n, :u, :at)")
			.param("v", next)
			.param("n", note == null || note.isBlank() ? null : note.strip())
			.param("u", user)
			.param("at", OffsetDateTime.now(clock))
			.update();
		int seq = 1;
		for (Formula.Criterion c : criteria) {
			jdbc.sql("""
					INSERT INTO ranking_formula_criterion (formula_version, seq, criterion, weight, cap)
					VALUES (:v, :s, :c, :w, :cap)""")
				.param("v", next)
				.param("s", seq++)
				.param("c", c.criterion().name())
				.param("w", c.weight())
				.param("cap", c.cap())
				.update();
		}
		auditor.record("ranking_formula", next, "CREATE", "version " + next, describe(was), describe(of(next)));
		return of(next);
	}

	private static Map<String, Object> describe(Formula f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("formulaVersion", f.version());
		m.put("criteria", String.join("; ", f.criteria().stream()
			.map(c -> c.criterion().name() + " " + c.weight().toPlainString()
					+ (c.cap() == null ? "" : " / " + c.cap().toPlainString()))
			.toList()));
		return m;
	}
}
