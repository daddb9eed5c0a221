package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.SiteCapacity;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.service.SiteStock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The available stock per unit ({@link SiteStock}; as {@link SiteCapacity} it is the positioning capacity of each
 * unit that keeps a register, which allocation weighs) and the "land waits for projects" view
 * (地等项目): per unit, the stock ready against the signed projects still without land, and the days from signing to
 * land. The stock is the city's shared picture: every internal user reads it (no scope needed).
 */
@Service
public class SiteStockQueries implements SiteStock, SiteCapacity {

	private final JdbcClient jdbc;
	private final Clock clock;

	SiteStockQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Stock> available() {
		Map<Long, Stock> byUnit = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.id, u.sort_order,
				  (SELECT COALESCE(SUM(l.area_mu), 0) FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE') AS mu,
				  (SELECT COUNT(*) FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE') AS parcels,
				  (SELECT COALESCE(SUM(f.floor_area_m2), 0) FROM factory f WHERE f.unit_id = u.id AND f.status = 'AVAILABLE') AS m2,
				  (SELECT COUNT(*) FROM factory f WHERE f.unit_id = u.id AND f.status = 'AVAILABLE') AS factories
				FROM unit u
				WHERE EXISTS (SELECT 1 FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE')
				   OR EXISTS (SELECT 1 FROM factory f WHERE f.unit_id = u.id AND f.status = 'AVAILABLE')
				ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> byUnit.put(rs.getLong("id"), new Stock(new UnitId(rs.getLong("id")),
					rs.getBigDecimal("mu"), rs.getInt("parcels"), rs.getBigDecimal("m2"), rs.getInt("factories"))))
			.list();
		return List.copyOf(byUnit.values());
	}

	/** The units with any parcel or factory (in any status) and their available stock: their positioning capacity. */
	@Override
	public Map<UnitId, Capacity> registered() {
		Map<UnitId, Capacity> out = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.id,
				  (SELECT COALESCE(SUM(l.area_mu), 0) FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE') AS mu,
				  (SELECT COALESCE(SUM(f.floor_area_m2), 0) FROM factory f WHERE f.unit_id = u.id AND f.status = 'AVAILABLE') AS m2
				FROM unit u
				WHERE EXISTS (SELECT 1 FROM land_parcel l WHERE l.unit_id = u.id)
				   OR EXISTS (SELECT 1 FROM factory f WHERE f.unit_id = u.id)
				ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> out.put(new UnitId(rs.getLong("id")),
					new Capacity(rs.getBigDecimal("mu"), rs.getBigDecimal("m2"))))
			.list();
		return out;
	}

	@Override
	public Stock of(UnitId unit) {
		return jdbc.sql("""
				SELECT (SELECT COALESCE(SUM(area_mu), 0) FROM land_parcel WHERE unit_id = :u AND status = 'AVAILABLE') AS mu,
				  (SELECT COUNT(*) FROM land_parcel WHERE unit_id = :u AND status = 'AVAILABLE') AS parcels,
				  (SELECT COALESCE(SUM(floor_area_m2), 0) FROM factory WHERE unit_id = :u AND status = 'AVAILABLE') AS m2,
				  (SELECT COUNT(*) FROM factory WHERE unit_id = :u AND status = 'AVAILABLE') AS factories""")
			.param("u", unit.value())
			.query((rs, n) -> new Stock(unit, rs.getBigDecimal("mu"), rs.getInt("parcels"), rs.getBigDecimal("m2"),
					rs.getInt("factories")))
			.single();
	}

	/**
	 * A unit's line of the view.
	 *
	 * @param unitId the unit
	 * @param unitName its name
	 * @param availableMu available net land, 亩
	 * @param readyMu of which with water, power, gas and roads all ready, 亩
	 * @param availableM2 available factory floor area, m²
	 * @param waitingProjects signed active projects with a land need and no land yet
	 * @param waitingMu their land need, 亩
	 * @param landedProjects signed projects that have land
	 * @param avgDaysToLand average days from signing to the land's reservation (null: none)
	 * @param maxDaysWaiting the longest wait so far of a project without land (null: none)
	 */
	public record UnitLine(long unitId, String unitName, BigDecimal availableMu, BigDecimal readyMu,
			BigDecimal availableM2, int waitingProjects, BigDecimal waitingMu, int landedProjects,
			Long avgDaysToLand, Long maxDaysWaiting) {

		/** Whether the unit's available land covers what its waiting projects need. */
		public boolean covered() {
			return availableMu.compareTo(waitingMu) >= 0;
		}
	}

	/** A signed project and its land: waiting (no parcel) or landed (the days it took). */
	public record ProjectLine(long projectId, String code, String name, long unitId, String unitName,
			LocalDate signedDate, BigDecimal landNeedMu, LocalDate landOn, long days) {

		public boolean waiting() {
			return landOn == null;
		}
	}

	/** The view: lines per unit (units with stock or signed projects needing land) and the projects behind them. */
	public record LandWaits(List<UnitLine> units, List<ProjectLine> projects) {
	}

	public LandWaits landWaits() {
		LocalDate today = LocalDate.now(clock);
		List<ProjectLine> projects = jdbc.sql("""
				SELECT p.id, p.code, p.name, p.unit_id, u.name AS unit_name, p.signed_date, p.land_need_mu,
				  (SELECT MIN(l.reserved_on) FROM land_parcel l WHERE l.project_id = p.id) AS land_on
				FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE p.status = 'ACTIVE' AND p.stage IN ('SIGNED', 'COMMENCED', 'IN_PRODUCTION')
				  AND p.land_need_mu > 0 AND p.signed_date IS NOT NULL
				ORDER BY u.sort_order, u.id, p.signed_date, p.id""")
			.query((rs, n) -> {
				LocalDate signed = rs.getObject("signed_date", LocalDate.class);
				LocalDate landOn = rs.getObject("land_on", LocalDate.class);
				return new ProjectLine(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getLong("unit_id"), rs.getString("unit_name"), signed, rs.getBigDecimal("land_need_mu"),
						landOn, Math.max(0, ChronoUnit.DAYS.between(signed, landOn == null ? today : landOn)));
			})
			.list();
		record Stocked(long id, String name, BigDecimal mu, BigDecimal ready, BigDecimal m2) {
		}
		Map<Long, Stocked> stock = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.id, u.name,
				  (SELECT COALESCE(SUM(l.area_mu), 0) FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE') AS mu,
				  (SELECT COALESCE(SUM(l.area_mu), 0) FROM land_parcel l WHERE l.unit_id = u.id AND l.status = 'AVAILABLE'
				     AND l.water_ready AND l.power_ready AND l.gas_ready AND l.road_ready) AS ready,
				  (SELECT COALESCE(SUM(f.floor_area_m2), 0) FROM factory f WHERE f.unit_id = u.id AND f.status = 'AVAILABLE') AS m2
				FROM unit u ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> stock.put(rs.getLong("id"), new Stocked(rs.getLong("id"), rs.getString("name"),
					rs.getBigDecimal("mu"), rs.getBigDecimal("ready"), rs.getBigDecimal("m2"))))
			.list();
		List<UnitLine> lines = new ArrayList<>();
		for (Stocked s : stock.values()) {
			List<ProjectLine> mine = projects.stream().filter(p -> p.unitId() == s.id()).toList();
			if (mine.isEmpty() && s.mu().signum() == 0 && s.m2().signum() == 0) {
				continue;
			}
			List<ProjectLine> waiting = mine.stream().filter(ProjectLine::waiting).toList();
			List<ProjectLine> landed = mine.stream().filter(p -> !p.waiting()).toList();
			BigDecimal waitingMu = waiting.stream().map(ProjectLine::landNeedMu).reduce(BigDecimal.ZERO,
					BigDecimal::add);
			Long avg = landed.isEmpty() ? null
					: BigDecimal.valueOf(landed.stream().mapToLong(ProjectLine::days).sum())
						.divide(BigDecimal.valueOf(landed.size()), 0, RoundingMode.HALF_UP)
						.longValue();
			Long max = waiting.stream().mapToLong(ProjectLine::days).boxed().max(Long::compare).orElse(null);
			lines.add(new UnitLine(s.id(), s.name(), s.mu(), s.ready(), s.m2(), waiting.size(), waitingMu,
					landed.size(), avg, max));
		}
		return new LandWaits(lines, projects);
	}
}
