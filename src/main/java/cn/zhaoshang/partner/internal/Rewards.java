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
import java.util.Optional;

import cn.zhaoshang.partner.RewardStatus;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordsChanged;
import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectMoveReviewed;
import cn.zhaoshang.project.Stage;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rewards of clause XI: when the city bureau approves a stage move of a project an intermediary introduced, each
 * rule of the intermediary's agreements in force on the move's date whose scope covers the project
 * ({@link AgreementScope}: its chain, its investor's headquarters) for that stage gives a reward, computed by
 * {@link RewardPolicy} and split by the project's introducer credit. Rewards are DUE when computed, then APPROVED
 * and PAID by the city bureau (each step audited, at the version read). An intermediary sees its own only.
 */
@Service
public class Rewards {

	/** A reward with what explains it: the project, the stage move and its evidence, the rule and the basis. */
	public record Reward(long id, long agreementId, long ruleId, long intermediaryUnitId, String intermediaryName,
			long projectId, String projectCode, String projectName, long stageMoveId, Stage stage, LocalDate moveDate,
			String reviewedBy, BigDecimal fundsInPlace, BigDecimal wholeAmount, int shareBasisPoints,
			BigDecimal amount, RewardStatus status, String approvedBy, Instant approvedAt, String paidBy,
			Instant paidAt, String paymentReference, int version, RewardPolicy.Rule rule, long evidenceCount) {

		/** The rule as people read it: "COMMENCED 0.5% cap 200000.00" style parts for the page. */
		public String ruleText() {
			return Agreements.describe(List.of(new Agreements.Rule(ruleId, 0, rule.stage(), rule.percentOfFunds(),
					rule.fixedAmount(), rule.cap())));
		}

		/** The introducer's part in percent with two decimals. */
		public BigDecimal sharePercent() {
			return BigDecimal.valueOf(shareBasisPoints, 2);
		}
	}

	/** The rewards of a filter with their sum. */
	public record Listing(List<Reward> items, BigDecimal total) {
	}

	private final JdbcClient jdbc;
	private final Agreements agreements;
	private final UnitDirectory units;
	private final Auditor auditor;
	private final Clock clock;
	private final RegionGroups regionGroups;

	Rewards(JdbcClient jdbc, Agreements agreements, UnitDirectory units, Auditor auditor, Clock clock,
			RegionGroups regionGroups) {
		this.regionGroups = regionGroups;
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** A reviewed move the city bureau approved gives the rewards of the rules it meets (same transaction). */
	@EventListener
	void on(ProjectMoveReviewed event) {
		if (event.approved()) {
			approvedMove(event.moveId()).ifPresent(this::reward);
		}
	}

	/**
	 * An investor whose headquarters was recorded or changed may now lie inside an agreement's regions
	 * ({@link AgreementScope}): the approved moves of its projects give the rewards not yet recorded (same
	 * transaction as the edit; rewards already computed stay).
	 */
	@EventListener
	void on(RecordChanged change) {
		if ("merchant".equals(change.recordType()) && change.recordId() != null
				&& change.recordId().matches("\\d{1,18}")
				&& !java.util.Objects.equals(change.before().get("headquarters"), change.after().get("headquarters"))) {
			jdbc.sql(MOVES + " WHERE m.state = 'APPROVED' AND p.merchant_id = :merchant ORDER BY m.id")
				.param("merchant", Long.parseLong(change.recordId()))
				.query(Rewards::move)
				.list()
				.forEach(this::reward);
		}
	}

	@EventListener
	void on(RecordsChanged changes) {
		changes.changes().forEach(this::on);
	}

	/** Computes the rewards every approved move in force gives and records those not yet recorded. */
	@Transactional
	public int refresh() {
		int added = 0;
		for (Move m : jdbc.sql(MOVES + " WHERE m.state = 'APPROVED' ORDER BY m.id").query(Rewards::move).list()) {
			added += reward(m);
		}
		return added;
	}

	record Move(long id, long projectId, String code, String name, Stage to, LocalDate date, BigDecimal amount,
			Long introUnitId, AgreementScope.Project scope) {
	}

	private static final String MOVES = """
			SELECT m.id, m.project_id, p.code, p.name, m.to_stage, COALESCE(m.move_date, CAST(m.submitted_at AS DATE))
			  AS move_date, m.amount, p.intro_unit_id, c.name AS chain_name, c.name_en AS chain_name_en,
			  c.code AS chain_code, i.headquarters
			FROM project_stage_move m JOIN project p ON p.id = m.project_id
			LEFT JOIN industry_chain c ON c.id = p.chain_id
			LEFT JOIN merchant i ON i.id = p.merchant_id""";

	private static Move move(ResultSet rs, int n) throws SQLException {
		long intro = rs.getLong("intro_unit_id");
		Long introUnit = rs.wasNull() ? null : intro;
		return new Move(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"), rs.getString("name"),
				Stage.valueOf(rs.getString("to_stage")), rs.getObject("move_date", LocalDate.class),
				rs.getBigDecimal("amount"), introUnit, new AgreementScope.Project(rs.getString("chain_name"),
						rs.getString("chain_name_en"), rs.getString("chain_code"), rs.getString("headquarters")));
	}

	private Optional<Move> approvedMove(long moveId) {
		return jdbc.sql(MOVES + " WHERE m.id = :id").param("id", moveId).query(Rewards::move).optional();
	}

	/** The introducers' credit of a project: the rows recorded, else 100 % to its introducing intermediary. */
	public Map<Long, Integer> credit(long projectId, Long introUnitId) {
		Map<Long, Integer> credit = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_id, share_bp FROM partner_introducer_credit WHERE project_id = :p ORDER BY unit_id")
			.param("p", projectId)
			.query((rs, n) -> credit.put(rs.getLong("unit_id"), rs.getInt("share_bp")))
			.list();
		if (credit.isEmpty() && introUnitId != null && units.find(new UnitId(introUnitId))
			.filter(u -> "INTERMEDIARY".equals(u.type()))
			.isPresent()) {
			credit.put(introUnitId, Shares.WHOLE);
		}
		return credit;
	}

	/** Whether the project's credit was set (else it is the default: 100 % to its introducing intermediary). */
	public boolean creditRecorded(long projectId) {
		return jdbc.sql("SELECT COUNT(*) FROM partner_introducer_credit WHERE project_id = :p")
			.param("p", projectId)
			.query(Long.class)
			.single() > 0;
	}

	/** The project's introducing unit, or null; 404 for an unknown project. */
	public Long introUnit(long projectId) {
		long unit = jdbc.sql("SELECT COALESCE(intro_unit_id, -1) FROM project WHERE id = :p")
			.param("p", projectId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		return unit < 0 ? null : unit;
	}

	/** Funds actually in place (万元) up to the move's month; without monthly rows the amount the move reported. */
	BigDecimal funds(Move m) {
		BigDecimal sum = jdbc.sql("""
				SELECT COALESCE(SUM(funds_in_place), 0) FROM project_funds
				WHERE project_id = :p AND funds_month <= :d""")
			.param("p", m.projectId())
			.param("d", m.date().withDayOfMonth(1))
			.query(BigDecimal.class)
			.single();
		if (sum.signum() == 0 && m.amount() != null && (m.to() == Stage.COMMENCED || m.to() == Stage.IN_PRODUCTION)) {
			return m.amount();
		}
		return sum;
	}

	private int reward(Move m) {
		Map<Long, Integer> credit = credit(m.projectId(), m.introUnitId());
		if (credit.isEmpty()) {
			return 0;
		}
		int added = 0;
		BigDecimal funds = null;
		Map<String, List<String>> groups = regionGroups.groups();
		for (var introducer : credit.keySet()) {
			for (var agreement : agreements.inForce(introducer, m.date())) {
				if (!AgreementScope.covers(agreement.scopeChains(), agreement.scopeRegions(), m.scope(), groups)) {
					continue;
				}
				for (var rule : agreement.rules()) {
					if (rule.stage() != m.to() || exists(rule.id(), m.id(), introducer)) {
						continue;
					}
					if (funds == null) {
						funds = funds(m);
					}
					BigDecimal whole = RewardPolicy.whole(rule.policy(), funds);
					BigDecimal part = RewardPolicy.split(whole, credit).get(introducer);
					insert(agreement, rule, introducer, m, funds, whole, credit.get(introducer), part);
					added++;
				}
			}
		}
		return added;
	}

	private boolean exists(long ruleId, long moveId, long unitId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM partner_reward WHERE rule_id = :r AND stage_move_id = :m
				  AND intermediary_unit_id = :u""")
			.param("r", ruleId)
			.param("m", moveId)
			.param("u", unitId)
			.query(Long.class)
			.single() > 0;
	}

	private void insert(Agreements.Agreement agreement, Agreements.Rule rule, long unitId, Move m, BigDecimal funds,
			BigDecimal whole, int share, BigDecimal amount) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO partner_reward (agreement_id, rule_id, intermediary_unit_id, project_id, stage_move_id,
				  move_date, funds_in_place, whole_amount, share_bp, amount, status, created_at)
				VALUES (:a, :r, :u, :p, :m, :d, :funds, :whole, :share, :amount, 'DUE', :now)""")
			.param("a", agreement.id())
			.param("r", rule.id())
			.param("u", unitId)
			.param("p", m.projectId())
			.param("m", m.id())
			.param("d", m.date())
			.param("funds", rule.percentOfFunds() == null ? null : funds)
			.param("whole", whole)
			.param("share", share)
			.param("amount", amount)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("projectCode", m.code());
		after.put("stage", m.to().name());
		after.put("rule", Agreements.describe(List.of(rule)));
		after.put("amount", amount.toPlainString());
		after.put("status", RewardStatus.DUE.name());
		auditor.record("partner_reward", id, "REWARD_DUE", agreement.intermediaryName() + " " + m.code(), Map.of(),
				after);
	}

	private static final String SELECT = """
			SELECT w.*, u.name AS unit_name, p.code, p.name AS project_name, m.to_stage, m.reviewed_by,
			  r.stage AS rule_stage, r.percent_of_funds, r.fixed_amount, r.cap,
			  (SELECT COUNT(*) FROM project_stage_move_evidence e WHERE e.move_id = m.id) AS evidence
			FROM partner_reward w JOIN unit u ON u.id = w.intermediary_unit_id
			JOIN project p ON p.id = w.project_id
			JOIN project_stage_move m ON m.id = w.stage_move_id
			JOIN partner_reward_rule r ON r.id = w.rule_id""";

	private static Reward reward(ResultSet rs, int n) throws SQLException {
		return new Reward(rs.getLong("id"), rs.getLong("agreement_id"), rs.getLong("rule_id"),
				rs.getLong("intermediary_unit_id"), rs.getString("unit_name"), rs.getLong("project_id"),
				rs.getString("code"), rs.getString("project_name"), rs.getLong("stage_move_id"),
				Stage.valueOf(rs.getString("to_stage")), rs.getObject("move_date", LocalDate.class),
				rs.getString("reviewed_by"), rs.getBigDecimal("funds_in_place"), rs.getBigDecimal("whole_amount"),
				rs.getInt("share_bp"), rs.getBigDecimal("amount"), RewardStatus.valueOf(rs.getString("status")),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("paid_by"),
				instant(rs, "paid_at"), rs.getString("payment_reference"), rs.getInt("version"),
				new RewardPolicy.Rule(Stage.valueOf(rs.getString("rule_stage")), rs.getBigDecimal("percent_of_funds"),
						rs.getBigDecimal("fixed_amount"), rs.getBigDecimal("cap")),
				rs.getLong("evidence"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/**
	 * The rewards of a year (by the move's date; null every year), an intermediary (null: every one the user may
	 * see) and a status (null: all), by move date; an intermediary user sees its own only.
	 */
	public Listing list(Integer year, Long intermediary, RewardStatus status, Long projectId, CurrentUser user) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (year != null) {
			where.add("w.move_date >= :yFrom AND w.move_date <= :yTo");
			params.put("yFrom", LocalDate.of(year, 1, 1));
			params.put("yTo", LocalDate.of(year, 12, 31));
		}
		Long own = PartnerAccess.ownUnit(user);
		if (own != null) {
			where.add("w.intermediary_unit_id = :own");
			params.put("own", own);
		}
		if (intermediary != null) {
			where.add("w.intermediary_unit_id = :unit");
			params.put("unit", intermediary);
		}
		if (status != null) {
			where.add("w.status = :status");
			params.put("status", status.name());
		}
		if (projectId != null) {
			where.add("w.project_id = :project");
			params.put("project", projectId);
		}
		String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY w.move_date DESC, w.id DESC";
		List<Reward> items = jdbc.sql(sql).params(params).query(Rewards::reward).list();
		BigDecimal total = items.stream().map(Reward::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
		return new Listing(items, total);
	}

	/** One reward as the user may see it (an intermediary its own only; else 404). */
	public Reward get(long id, CurrentUser user) {
		Reward r = jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id).query(Rewards::reward).optional()
			.orElseThrow(NotFoundException::new);
		Long own = PartnerAccess.ownUnit(user);
		if (own != null && own != r.intermediaryUnitId()) {
			throw new NotFoundException();
		}
		return r;
	}

	/** DUE to APPROVED at the version read (409 when stale or not due); audited {@code REWARD_APPROVE}. */
	@Transactional
	public Reward approve(long id, Integer version, CurrentUser user) {
		Reward r = get(id, user);
		move(r, version, RewardStatus.DUE, RewardStatus.APPROVED, user, null);
		return get(id, user);
	}

	/** APPROVED to PAID with the payment reference (required) at the version read; audited {@code REWARD_PAY}. */
	@Transactional
	public Reward pay(long id, Integer version, String reference, CurrentUser user) {
		Reward r = get(id, user);
		if (reference == null || reference.isBlank()) {
			throw new InvalidInputException(List.of(new Violation("paymentReference", "validation.required")));
		}
		if (reference.strip().length() > 200) {
			throw new InvalidInputException(
					List.of(new Violation("paymentReference", "partner.validation.tooLong", 200)));
		}
		move(r, version, RewardStatus.APPROVED, RewardStatus.PAID, user, reference.strip());
		return get(id, user);
	}

	private void move(Reward r, Integer version, RewardStatus from, RewardStatus to, CurrentUser user,
			String reference) {
		if (r.status() != from) {
			throw new BusinessException(409, "partner.error.rewardState");
		}
		if (version == null || version != r.version()) {
			throw new OptimisticLockingFailureException("partner_reward " + r.id());
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		String set = to == RewardStatus.APPROVED ? "approved_by = :by, approved_at = :now"
				: "paid_by = :by, paid_at = :now, payment_reference = :ref";
		int n = jdbc.sql("UPDATE partner_reward SET status = :to, version = version + 1, " + set
				+ " WHERE id = :id AND version = :v AND status = :from")
			.param("to", to.name())
			.param("by", user.getUsername())
			.param("now", now)
			.param("ref", reference)
			.param("id", r.id())
			.param("v", version)
			.param("from", from.name())
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("partner_reward " + r.id());
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to.name());
		if (reference != null) {
			after.put("paymentReference", reference);
		}
		auditor.record("partner_reward", r.id(), to == RewardStatus.APPROVED ? "REWARD_APPROVE" : "REWARD_PAY",
				r.intermediaryName() + " " + r.projectCode() + " " + r.amount().toPlainString(),
				Map.of("status", from.name()), after);
	}

	/**
	 * Replaces a project's introducer credit (intermediary units and basis points adding up to 10,000; empty:
	 * back to 100 % for the project's introducing unit); audited on the project as {@code INTRODUCER_CREDIT}.
	 * Rewards already computed keep their split.
	 */
	@Transactional
	public void setCredit(long projectId, Map<Long, Integer> credit, CurrentUser user) {
		String code = jdbc.sql("SELECT code FROM project WHERE id = :p").param("p", projectId).query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Violation> broken = new ArrayList<>();
		int sum = 0;
		for (var e : credit.entrySet()) {
			if (e.getKey() == null || units.find(new UnitId(e.getKey()))
				.filter(u -> "INTERMEDIARY".equals(u.type()))
				.isEmpty()) {
				broken.add(new Violation("credits", "partner.validation.notIntermediary"));
			}
			if (e.getValue() == null || e.getValue() <= 0 || e.getValue() > Shares.WHOLE) {
				broken.add(new Violation("credits", "partner.validation.shareRange"));
			}
			else {
				sum += e.getValue();
			}
		}
		if (!credit.isEmpty() && broken.isEmpty() && sum != Shares.WHOLE) {
			broken.add(new Violation("credits", "partner.validation.shareSum"));
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		String before = text(projectId);
		jdbc.sql("DELETE FROM partner_introducer_credit WHERE project_id = :p").param("p", projectId).update();
		for (var e : credit.entrySet()) {
			jdbc.sql("""
					INSERT INTO partner_introducer_credit (project_id, unit_id, share_bp, created_by, created_at)
					VALUES (:p, :u, :bp, :by, :now)""")
				.param("p", projectId)
				.param("u", e.getKey())
				.param("bp", e.getValue())
				.param("by", user.getUsername())
				.param("now", clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		auditor.record("project", projectId, "INTRODUCER_CREDIT", code, Map.of("introducerCredit", before),
				Map.of("introducerCredit", text(projectId)));
	}

	private String text(long projectId) {
		return String.join(", ", jdbc.sql("""
				SELECT u.name, c.share_bp FROM partner_introducer_credit c JOIN unit u ON u.id = c.unit_id
				WHERE c.project_id = :p ORDER BY u.name""")
			.param("p", projectId)
			.query((rs, n) -> rs.getString(1) + " " + BigDecimal.valueOf(rs.getInt(2), 2).toPlainString() + "%")
			.list());
	}
}
