package cn.zhaoshang.service.finance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.service.finance.FinanceRecords.Event;
import cn.zhaoshang.service.finance.FinanceRecords.Need;
import cn.zhaoshang.service.finance.FinanceRecords.Offer;
import cn.zhaoshang.service.finance.FinanceRecords.Stake;
import cn.zhaoshang.service.finance.FinanceRecords.UnitTotals;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of equity stakes, their events, financing needs and offers, with lists and totals per unit. */
@Component
class FinanceStore {

	private static final String STAKE = """
			SELECT s.*, p.code AS project_code, p.name AS project_name, u.name AS unit_name
			FROM equity_stake s JOIN project p ON p.id = s.project_id JOIN unit u ON u.id = s.unit_id""";

	private static final String NEED = """
			SELECT n.*, p.code AS project_code, p.name AS project_name, u.name AS unit_name
			FROM financing_need n JOIN project p ON p.id = n.project_id JOIN unit u ON u.id = n.unit_id""";

	private final JdbcClient jdbc;

	FinanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- stakes

	Paging<Stake> stakes(FinanceFilter f, DataScope scope, int page, int size, boolean clamp) {
		SqlFilter where = where(f, scope, "s");
		long total = jdbc.sql("SELECT COUNT(*) FROM equity_stake s JOIN project p ON p.id = s.project_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> withEvents(
				jdbc.sql(STAKE + where.sql() + " ORDER BY s.invested_on DESC, s.id DESC LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(FinanceStore::stake)
					.list()));
	}

	Optional<Stake> stake(long id) {
		return jdbc.sql(STAKE + " WHERE s.id = :id")
			.param("id", id)
			.query(FinanceStore::stake)
			.optional()
			.map(s -> withEvents(List.of(s)).get(0));
	}

	List<Stake> stakesOf(long projectId) {
		return withEvents(jdbc.sql(STAKE + " WHERE s.project_id = :p ORDER BY s.invested_on, s.id")
			.param("p", projectId)
			.query(FinanceStore::stake)
			.list());
	}

	long insertStake(FinanceInputs.Stake in, long projectId, long unitId) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO equity_stake (project_id, unit_id, vehicle, amount, share_pct, invested_on, exit_plan)
				VALUES (:project, :unit, :vehicle, :amount, :share, :on, :plan)""")
			.param("project", projectId)
			.param("unit", unitId)
			.param("vehicle", in.vehicle().trim())
			.param("amount", in.stakeAmount())
			.param("share", in.sharePct())
			.param("on", in.investedOn())
			.param("plan", blank(in.exitPlan()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateStake(long id, FinanceInputs.StakeEdit in) {
		stale(jdbc.sql("""
				UPDATE equity_stake SET vehicle = :vehicle, amount = :amount, share_pct = :share, invested_on = :on,
				  exit_plan = :plan, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("vehicle", in.vehicle().trim())
			.param("amount", in.stakeAmount())
			.param("share", in.sharePct())
			.param("on", in.investedOn())
			.param("plan", blank(in.exitPlan()))
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", in.version())
			.update());
	}

	long insertEvent(long stakeId, int version, FinanceInputs.Event in) {
		BigDecimal amount = in.eventAmount() == null ? BigDecimal.ZERO : in.eventAmount();
		stale(jdbc.sql("""
				UPDATE equity_stake SET returns = returns + :amount, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("amount", amount)
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", stakeId)
			.param("version", version)
			.update());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO equity_event (stake_id, event_date, kind, amount, note) VALUES (:s, :d, :k, :a, :n)")
			.param("s", stakeId)
			.param("d", in.eventDate())
			.param("k", in.kind().name())
			.param("a", amount)
			.param("n", blank(in.note()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private List<Stake> withEvents(List<Stake> stakes) {
		if (stakes.isEmpty()) {
			return stakes;
		}
		Map<Long, List<Event>> events = new HashMap<>();
		jdbc.sql("SELECT * FROM equity_event WHERE stake_id IN (:ids) ORDER BY event_date, id")
			.param("ids", stakes.stream().map(Stake::id).toList())
			.query((rs, n) -> events.computeIfAbsent(rs.getLong("stake_id"), k -> new ArrayList<>())
				.add(new Event(rs.getLong("id"), rs.getObject("event_date", LocalDate.class),
						EquityEventKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
						rs.getString("note"))))
			.list();
		return stakes.stream()
			.map(s -> new Stake(s.id(), s.projectId(), s.projectCode(), s.projectName(), s.unitId(), s.unitName(),
					s.vehicle(), s.amount(), s.sharePct(), s.investedOn(), s.exitPlan(), s.returns(), s.version(),
					List.copyOf(events.getOrDefault(s.id(), List.of()))))
			.toList();
	}

	private static Stake stake(ResultSet rs, int n) throws SQLException {
		return new Stake(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_code"),
				rs.getString("project_name"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getString("vehicle"), rs.getBigDecimal("amount"), rs.getBigDecimal("share_pct"),
				rs.getObject("invested_on", LocalDate.class), rs.getString("exit_plan"), rs.getBigDecimal("returns"),
				rs.getInt("version"), List.of());
	}

	// ---- needs

	Paging<Need> needs(FinanceFilter f, DataScope scope, int page, int size, boolean clamp) {
		SqlFilter where = where(f, scope, "n");
		if (f.status() != null) {
			where.eq("n.status", "status", f.status().name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM financing_need n JOIN project p ON p.id = n.project_id"
				+ where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> withOffers(
				jdbc.sql(NEED + where.sql() + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(FinanceStore::need)
					.list()));
	}

	Optional<Need> need(long id) {
		return jdbc.sql(NEED + " WHERE n.id = :id")
			.param("id", id)
			.query(FinanceStore::need)
			.optional()
			.map(x -> withOffers(List.of(x)).get(0));
	}

	List<Need> needsOf(long projectId) {
		return withOffers(jdbc.sql(NEED + " WHERE n.project_id = :p ORDER BY n.id")
			.param("p", projectId)
			.query(FinanceStore::need)
			.list());
	}

	long insertNeed(FinanceInputs.Need in, long projectId, long unitId) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO financing_need (project_id, unit_id, amount, purpose, status)
				VALUES (:project, :unit, :amount, :purpose, 'OPEN')""")
			.param("project", projectId)
			.param("unit", unitId)
			.param("amount", in.needAmount())
			.param("purpose", in.purpose().trim())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateNeed(long id, FinanceInputs.NeedEdit in) {
		stale(jdbc.sql("""
				UPDATE financing_need SET amount = :amount, purpose = :purpose, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("amount", in.needAmount())
			.param("purpose", in.purpose().trim())
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", in.version())
			.update());
	}

	void needStatus(long id, int version, NeedStatus status) {
		stale(jdbc.sql("""
				UPDATE financing_need SET status = :status, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("status", status.name())
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update());
	}

	long insertOffer(long needId, int version, FinanceInputs.Offer in) {
		// an offer moves an open need to matching, and always takes the need's version
		stale(jdbc.sql("""
				UPDATE financing_need SET status = CASE WHEN status = 'OPEN' THEN 'MATCHING' ELSE status END,
				  version = version + 1, updated_at = :now WHERE id = :id AND version = :version""")
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", needId)
			.param("version", version)
			.update());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO financing_offer (need_id, bank, product, amount, rate_pct, offered_on, note)
				VALUES (:need, :bank, :product, :amount, :rate, :on, :note)""")
			.param("need", needId)
			.param("bank", in.bank().trim())
			.param("product", in.product().trim())
			.param("amount", in.offerAmount())
			.param("rate", in.ratePct())
			.param("on", in.offeredOn())
			.param("note", blank(in.note()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private List<Need> withOffers(List<Need> needs) {
		if (needs.isEmpty()) {
			return needs;
		}
		Map<Long, List<Offer>> offers = new HashMap<>();
		jdbc.sql("SELECT * FROM financing_offer WHERE need_id IN (:ids) ORDER BY offered_on, id")
			.param("ids", needs.stream().map(Need::id).toList())
			.query((rs, n) -> offers.computeIfAbsent(rs.getLong("need_id"), k -> new ArrayList<>())
				.add(new Offer(rs.getLong("id"), rs.getString("bank"), rs.getString("product"),
						rs.getBigDecimal("amount"), rs.getBigDecimal("rate_pct"),
						rs.getObject("offered_on", LocalDate.class), rs.getString("note"))))
			.list();
		return needs.stream()
			.map(x -> new Need(x.id(), x.projectId(), x.projectCode(), x.projectName(), x.unitId(), x.unitName(),
					x.amount(), x.purpose(), x.status(), x.version(), List.copyOf(offers.getOrDefault(x.id(), List.of()))))
			.toList();
	}

	private static Need need(ResultSet rs, int n) throws SQLException {
		return new Need(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_code"),
				rs.getString("project_name"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getBigDecimal("amount"), rs.getString("purpose"), NeedStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), List.of());
	}

	// ---- totals

	/** Per unit with any stake or need: the unit's stakes, invested and returned, and its projects' needs. */
	List<UnitTotals> totals(DataScope scope) {
		List<UnitTotals> all = jdbc.sql("""
				SELECT u.id, u.name,
				  (SELECT COUNT(*) FROM equity_stake s WHERE s.unit_id = u.id) AS stakes,
				  (SELECT COALESCE(SUM(s.amount), 0) FROM equity_stake s WHERE s.unit_id = u.id) AS invested,
				  (SELECT COALESCE(SUM(s.returns), 0) FROM equity_stake s WHERE s.unit_id = u.id) AS returned,
				  (SELECT COUNT(*) FROM financing_need n WHERE n.unit_id = u.id AND n.status <> 'CLOSED') AS needs,
				  (SELECT COALESCE(SUM(n.amount), 0) FROM financing_need n WHERE n.unit_id = u.id AND n.status <> 'CLOSED') AS needed,
				  (SELECT COALESCE(SUM(o.amount), 0) FROM financing_offer o JOIN financing_need n ON n.id = o.need_id
				     WHERE n.unit_id = u.id AND n.status <> 'CLOSED') AS offered,
				  (SELECT COALESCE(SUM(n.amount), 0) FROM financing_need n WHERE n.unit_id = u.id AND n.status = 'FUNDED') AS funded
				FROM unit u
				WHERE EXISTS (SELECT 1 FROM equity_stake s WHERE s.unit_id = u.id)
				   OR EXISTS (SELECT 1 FROM financing_need n WHERE n.unit_id = u.id)
				ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> new UnitTotals(rs.getLong("id"), rs.getString("name"), rs.getInt("stakes"),
					rs.getBigDecimal("invested"), rs.getBigDecimal("returned"), rs.getInt("needs"),
					rs.getBigDecimal("needed"), rs.getBigDecimal("offered"), rs.getBigDecimal("funded")))
			.list();
		return all.stream().filter(t -> scope.canRead(new UnitId(t.unitId()))).toList();
	}

	// ---- helpers

	private static SqlFilter where(FinanceFilter f, DataScope scope, String alias) {
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in(alias + ".unit_id", "scope", scope.readable().stream().map(UnitId::value).toList());
		}
		return where.containsIgnoringCase("q", f.q(), "p.code", "p.name")
			.eq(alias + ".unit_id", "unit", f.unit())
			.eq(alias + ".project_id", "project", f.projectId());
	}

	private static void stale(int updated) {
		if (updated != 1) {
			throw new OptimisticLockingFailureException("stale version");
		}
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
