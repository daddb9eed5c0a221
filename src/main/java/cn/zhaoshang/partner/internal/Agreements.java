package cn.zhaoshang.partner.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entrustment agreements (委托招商协议) with intermediary units: parties, period, scope, financial support and the
 * reward rules. Created by the city bureau (audited); read by every signed-in user, an intermediary its own only.
 * Creating an agreement computes the rewards its rules give for stage moves already approved in its period.
 */
@Service("partnerAgreements")
public class Agreements {

	/** The largest amount accepted (12 integer digits). */
	static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");

	public static final Sorting SORTING = Sorting.of("from", "from", "a.valid_from", "to", "a.valid_to",
			"intermediary", "u.name", "created", "a.created_at")
		.ascendingFirst("intermediary");

	/** A rule as entered: exactly one of percent of funds (0 to 100) and fixed amount (yuan), an optional cap. */
	public record RuleInput(Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount, BigDecimal cap) {
	}

	/** An agreement as entered. */
	public record AgreementInput(Long intermediaryUnitId, String title, LocalDate from, LocalDate to,
			String scopeChains, String scopeRegions, String financialSupport, String note, List<RuleInput> rules) {
	}

	/** A stored rule. */
	public record Rule(long id, int order, Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount,
			BigDecimal cap) {

		public RewardPolicy.Rule policy() {
			return new RewardPolicy.Rule(stage, percentOfFunds, fixedAmount, cap);
		}
	}

	/** A stored agreement with its rules in order. */
	public record Agreement(long id, long intermediaryUnitId, String intermediaryName, String title,
			LocalDate validFrom, LocalDate validTo, String scopeChains, String scopeRegions, String financialSupport,
			String note, int version, String createdBy, Instant createdAt, List<Rule> rules) {

		public boolean inForce(LocalDate date) {
			return !validFrom.isAfter(date) && !validTo.isBefore(date);
		}
	}

	/** The list's filters: text, intermediary, a year the period touches, sort and direction. */
	public record Filter(String q, Long intermediary, Integer year, String sort, String dir) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}
	}

	/** A row of the agreements list. */
	public record Row(long id, long intermediaryUnitId, String intermediaryName, String title, LocalDate validFrom,
			LocalDate validTo, int rules, Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final UnitDirectory units;
	private final Auditor auditor;
	private final Clock clock;

	Agreements(JdbcClient jdbc, UnitDirectory units, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The intermediary units (active), the choices of the form. */
	public List<UnitSummary> intermediaries() {
		return units.all().stream().filter(u -> u.active() && "INTERMEDIARY".equals(u.type())).toList();
	}

	/** Checks every rule at once; each broken one names its field ({@code rules[0].cap}). */
	public AgreementInput check(AgreementInput in) {
		return check(in, null);
	}

	/**
	 * Checks every rule at once, and that no other agreement of the intermediary ({@code self} excepted) meets the
	 * period and scope ({@link AgreementOverlap}).
	 */
	AgreementInput check(AgreementInput in, Long self) {
		List<Violation> broken = new ArrayList<>();
		if (in.intermediaryUnitId() == null) {
			broken.add(new Violation("intermediaryUnitId", "validation.required"));
		}
		else if (units.find(new UnitId(in.intermediaryUnitId()))
			.filter(u -> "INTERMEDIARY".equals(u.type()))
			.isEmpty()) {
			broken.add(new Violation("intermediaryUnitId", "partner.validation.notIntermediary"));
		}
		length(broken, "agreementTitle", in.title(), 200);
		length(broken, "scopeChains", in.scopeChains(), 500);
		length(broken, "scopeRegions", in.scopeRegions(), 500);
		length(broken, "financialSupport", in.financialSupport(), 1000);
		length(broken, "note", in.note(), 1000);
		if (in.from() == null) {
			broken.add(new Violation("validFrom", "validation.required"));
		}
		if (in.to() == null) {
			broken.add(new Violation("validTo", "validation.required"));
		}
		if (in.from() != null && in.to() != null && in.to().isBefore(in.from())) {
			broken.add(new Violation("validTo", "partner.validation.periodOrder"));
		}
		List<RuleInput> rules = in.rules() == null ? List.of() : in.rules();
		if (rules.isEmpty()) {
			broken.add(new Violation("rules", "partner.validation.noRules"));
		}
		for (int i = 0; i < rules.size(); i++) {
			RuleInput r = rules.get(i);
			String at = "rules[" + i + "].";
			if (r == null) {
				broken.add(new Violation(at + "stage", "validation.required"));
				continue;
			}
			if (r.stage() == null) {
				broken.add(new Violation(at + "stage", "validation.required"));
			}
			else if (r.stage() == Stage.NEGOTIATING) {
				broken.add(new Violation(at + "stage", "partner.validation.stage"));
			}
			if ((r.percentOfFunds() == null) == (r.fixedAmount() == null)) {
				broken.add(new Violation(at + "percentOfFunds", "partner.validation.oneOf"));
			}
			if (r.percentOfFunds() != null && (r.percentOfFunds().signum() <= 0
					|| r.percentOfFunds().compareTo(BigDecimal.valueOf(100)) > 0 || r.percentOfFunds().scale() > 4)) {
				broken.add(new Violation(at + "percentOfFunds", "partner.validation.percent"));
			}
			amount(broken, at + "fixedAmount", r.fixedAmount());
			amount(broken, at + "cap", r.cap());
		}
		if (broken.isEmpty()) {
			AgreementOverlap.find(jdbc, in.intermediaryUnitId(), in.from(), in.to(), in.scopeChains(),
					in.scopeRegions(), self)
				.ifPresent(c -> broken.add(new Violation("validFrom", "partner.validation.overlap", c.title(),
						c.from().toString(), c.to().toString())));
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		return new AgreementInput(in.intermediaryUnitId(), blank(in.title()), in.from(), in.to(),
				blank(in.scopeChains()), blank(in.scopeRegions()), blank(in.financialSupport()), blank(in.note()),
				rules);
	}

	private static void length(List<Violation> broken, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			broken.add(new Violation(field, "partner.validation.tooLong", max));
		}
	}

	private static void amount(List<Violation> broken, String field, BigDecimal value) {
		if (value == null) {
			return;
		}
		if (value.signum() <= 0) {
			broken.add(new Violation(field, "partner.validation.positive"));
		}
		else if (value.scale() > 2 || value.compareTo(AMOUNT_MAX) > 0) {
			broken.add(new Violation(field, "validation.amount"));
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** Records an agreement with its rules; audited as {@code CREATE}. */
	@Transactional
	public long create(AgreementInput input, CurrentUser user) {
		AgreementInput in = check(input);
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO partner_agreement (intermediary_unit_id, title, valid_from, valid_to, scope_chains,
				  scope_regions, financial_support, note, created_by, updated_by, created_at, updated_at)
				VALUES (:unit, :title, :from, :to, :chains, :regions, :support, :note, :by, :by, :now, :now)""")
			.param("unit", in.intermediaryUnitId())
			.param("title", in.title())
			.param("from", in.from())
			.param("to", in.to())
			.param("chains", in.scopeChains())
			.param("regions", in.scopeRegions())
			.param("support", in.financialSupport())
			.param("note", in.note())
			.param("by", user.getUsername())
			.param("now", now)
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey()).longValue();
		int order = 0;
		for (RuleInput r : in.rules()) {
			insertRule(id, ++order, r);
		}
		Agreement a = find(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("intermediaryUnitId", a.intermediaryName());
		after.put("validFrom", a.validFrom().toString());
		after.put("validTo", a.validTo().toString());
		after.put("rules", describe(a.rules()));
		if (a.financialSupport() != null) {
			after.put("financialSupport", a.financialSupport());
		}
		auditor.record("partner_agreement", id, "CREATE", label(a), Map.of(), after);
		return id;
	}

	/** Adds a rule to an agreement at its place (1 first). */
	void insertRule(long agreementId, int order, RuleInput r) {
		jdbc.sql("""
				INSERT INTO partner_reward_rule (agreement_id, sort_order, stage, percent_of_funds, fixed_amount, cap)
				VALUES (:a, :o, :stage, :pct, :fixed, :cap)""")
			.param("a", agreementId)
			.param("o", order)
			.param("stage", r.stage().name())
			.param("pct", r.percentOfFunds())
			.param("fixed", r.fixedAmount())
			.param("cap", r.cap())
			.update();
	}

	/** A plain text of the rules for the audit trail: stage, percent or fixed sum, cap. */
	static String describe(List<Rule> rules) {
		return rules.stream()
			.map(r -> r.stage().name() + " " + (r.percentOfFunds() != null ? r.percentOfFunds().stripTrailingZeros()
				.toPlainString() + "%" : r.fixedAmount().toPlainString())
					+ (r.cap() == null ? "" : " <= " + r.cap().toPlainString()))
			.collect(Collectors.joining("; "));
	}

	static String label(Agreement a) {
		return a.title() != null ? a.title() : a.intermediaryName() + " " + a.validFrom() + "~" + a.validTo();
	}

	/** The agreement as the user may see it (an intermediary only its own; else 404). */
	public Agreement get(long id, CurrentUser user) {
		Agreement a = find(id);
		Long own = PartnerAccess.ownUnit(user);
		if (own != null && own != a.intermediaryUnitId()) {
			throw new NotFoundException();
		}
		return a;
	}

	Agreement find(long id) {
		Agreement a = jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::agreement).optional()
			.orElseThrow(NotFoundException::new);
		return withRules(a);
	}

	/** The agreements of an intermediary unit whose period holds the date, with their rules. */
	public List<Agreement> inForce(long unitId, LocalDate date) {
		return jdbc.sql(SELECT + " WHERE a.intermediary_unit_id = :u AND a.valid_from <= :d AND a.valid_to >= :d"
				+ " ORDER BY a.id")
			.param("u", unitId)
			.param("d", date)
			.query(this::agreement)
			.list()
			.stream()
			.map(this::withRules)
			.toList();
	}

	/** Every agreement, with rules (recomputing rewards). */
	List<Agreement> all() {
		return jdbc.sql(SELECT + " ORDER BY a.id").query(this::agreement).list().stream().map(this::withRules).toList();
	}

	/** One page of the list, filtered; an intermediary sees its own agreements only. */
	public Paging<Row> list(Filter f, int page, int size, boolean clamp, CurrentUser user) {
		SqlFilter where = SqlFilter.where()
			.contains("q", f.q(), "u.name", "a.title", "a.scope_chains", "a.scope_regions")
			.eq("a.intermediary_unit_id", "unit", f.intermediary());
		Long own = PartnerAccess.ownUnit(user);
		if (own != null) {
			where.and("a.intermediary_unit_id = :own", "own", own);
		}
		if (f.year() != null) {
			where.and("a.valid_from <= :yTo AND a.valid_to >= :yFrom")
				.param("yFrom", LocalDate.of(f.year(), 1, 1))
				.param("yTo", LocalDate.of(f.year(), 12, 31));
		}
		String from = " FROM partner_agreement a JOIN unit u ON u.id = a.intermediary_unit_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where.sql()).params(where.params()).query(Long.class).single();
		var sort = SORTING.resolve(f.sort(), f.dir());
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc.sql("""
				SELECT a.id, a.intermediary_unit_id, u.name AS unit_name, a.title, a.valid_from, a.valid_to,
				  a.created_at, (SELECT COUNT(*) FROM partner_reward_rule r WHERE r.agreement_id = a.id) AS rules"""
				+ from + where.sql() + SORTING.orderBy(sort, "a.id") + " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("intermediary_unit_id"), rs.getString("unit_name"),
					rs.getString("title"), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class), rs.getInt("rules"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list());
	}

	private static final String SELECT = """
			SELECT a.*, u.name AS unit_name FROM partner_agreement a JOIN unit u ON u.id = a.intermediary_unit_id""";

	private Agreement agreement(ResultSet rs, int n) throws SQLException {
		return new Agreement(rs.getLong("id"), rs.getLong("intermediary_unit_id"), rs.getString("unit_name"),
				rs.getString("title"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("scope_chains"), rs.getString("scope_regions"),
				rs.getString("financial_support"), rs.getString("note"), rs.getInt("version"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
	}

	private Agreement withRules(Agreement a) {
		List<Rule> rules = jdbc.sql("SELECT * FROM partner_reward_rule WHERE agreement_id = :a ORDER BY sort_order")
			.param("a", a.id())
			.query((rs, n) -> new Rule(rs.getLong("id"), rs.getInt("sort_order"), Stage.valueOf(rs.getString("stage")),
					rs.getBigDecimal("percent_of_funds"), rs.getBigDecimal("fixed_amount"), rs.getBigDecimal("cap")))
			.list();
		return new Agreement(a.id(), a.intermediaryUnitId(), a.intermediaryName(), a.title(), a.validFrom(),
				a.validTo(), a.scopeChains(), a.scopeRegions(), a.financialSupport(), a.note(), a.version(),
				a.createdBy(), a.createdAt(), rules);
	}
}
