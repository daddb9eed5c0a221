package cn.zhaoshang.service.site;

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
import java.util.function.Consumer;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of land parcels and factories: reading (lists with the list kit, single records, candidates for
 * matching) and writing with the version read (a stale version is a conflict).
 */
@Component
public class SiteStore {

	static final Sorting PARCEL_SORTING = Sorting.of("updated", "name", "l.name", "unit", "u.sort_order",
			"area", "l.area_mu", "price", "l.price", "status", "l.status", "updated", "l.updated_at")
		.ascendingFirst("name", "unit", "price", "status");

	static final Sorting FACTORY_SORTING = Sorting.of("updated", "name", "f.name", "unit", "u.sort_order",
			"area", "f.floor_area_m2", "rent", "f.rent", "status", "f.status", "updated", "f.updated_at")
		.ascendingFirst("name", "unit", "rent", "status");

	private static final String PARCEL = """
			SELECT l.*, u.name AS unit_name, p.code AS project_code, p.name AS project_name
			FROM land_parcel l JOIN unit u ON u.id = l.unit_id LEFT JOIN project p ON p.id = l.project_id""";

	private static final String FACTORY = """
			SELECT f.*, u.name AS unit_name, p.code AS project_code, p.name AS project_name
			FROM factory f JOIN unit u ON u.id = f.unit_id LEFT JOIN project p ON p.id = f.project_id""";

	private final JdbcClient jdbc;

	SiteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static Sorting.Sort parcelSort(SiteFilter f) {
		return PARCEL_SORTING.resolve(f.sort(), f.dir());
	}

	public static Sorting.Sort factorySort(SiteFilter f) {
		return FACTORY_SORTING.resolve(f.sort(), f.dir());
	}

	// ---- land parcels

	public Paging<LandParcel> parcels(SiteFilter f, DataScope scope, int page, int size, boolean clamp) {
		SqlFilter where = parcelWhere(f, scope);
		long total = jdbc.sql("SELECT COUNT(*) FROM land_parcel l" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> withChains(jdbc
			.sql(PARCEL + where.sql() + PARCEL_SORTING.orderBy(parcelSort(f), "l.id") + " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(SiteStore::parcel)
			.list()));
	}

	/** The export: the same filter and order, every row. */
	public void forEachParcel(SiteFilter f, DataScope scope, Consumer<LandParcel> rows) {
		SqlFilter where = parcelWhere(f, scope);
		withChains(jdbc.sql(PARCEL + where.sql() + PARCEL_SORTING.orderBy(parcelSort(f), "l.id"))
			.params(where.params())
			.query(SiteStore::parcel)
			.list()).forEach(rows);
	}

	private static SqlFilter parcelWhere(SiteFilter f, DataScope scope) {
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in("l.unit_id", "scope", scope.readable().stream().map(UnitId::value).toList());
		}
		ParcelStatus status = parse(ParcelStatus.class, f.status());
		return where.containsIgnoringCase("q", f.q(), "l.name", "l.park", "l.location")
			.eq("l.unit_id", "unit", f.unit())
			.eq("l.status", "status", status == null ? null : status.name())
			.eq("l.planned_use", "use", f.use() == null ? null : f.use().name());
	}

	public Optional<LandParcel> parcel(long id) {
		return jdbc.sql(PARCEL + " WHERE l.id = :id")
			.param("id", id)
			.query(SiteStore::parcel)
			.optional()
			.map(p -> withChains(List.of(p)).get(0));
	}

	/** The parcel of this name in the unit (the same parcel for an import), if any. */
	Optional<Long> parcelNamed(long unitId, String name) {
		return jdbc.sql("SELECT id FROM land_parcel WHERE unit_id = :unit AND name = :name ORDER BY id")
			.param("unit", unitId)
			.param("name", name.strip())
			.query(Long.class)
			.list().stream().findFirst();
	}

	/** The factory of this name in the unit (the same factory for an import), if any. */
	Optional<Long> factoryNamed(long unitId, String name) {
		return jdbc.sql("SELECT id FROM factory WHERE unit_id = :unit AND name = :name ORDER BY id")
			.param("unit", unitId)
			.param("name", name.strip())
			.query(Long.class)
			.list().stream().findFirst();
	}

	/** The parcels reserved for (or allocated to) the project. */
	public List<LandParcel> parcelsOf(long projectId) {
		return withChains(jdbc.sql(PARCEL + " WHERE l.project_id = :p ORDER BY l.id")
			.param("p", projectId)
			.query(SiteStore::parcel)
			.list());
	}

	/** The available parcels of these units (the candidates for matching). */
	public List<LandParcel> availableParcels(List<Long> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		return withChains(jdbc.sql(PARCEL + " WHERE l.status = 'AVAILABLE' AND l.unit_id IN (:units) ORDER BY l.id")
			.param("units", units)
			.query(SiteStore::parcel)
			.list());
	}

	long insertParcel(ParcelInput in) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO land_parcel (unit_id, name, park, location, area_mu, planned_use, water_ready, water_date,
				  power_ready, power_date, gas_ready, gas_date, road_ready, road_date, price, status, note)
				VALUES (:unit, :name, :park, :location, :area, :use, :water, :waterDate, :power, :powerDate, :gas,
				  :gasDate, :road, :roadDate, :price, 'AVAILABLE', :note)""")
			.params(parcelParams(in))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeChains(id, in.chains());
		return id;
	}

	void updateParcel(long id, int version, ParcelInput in) {
		Map<String, Object> params = parcelParams(in);
		params.put("id", id);
		params.put("version", version);
		params.put("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		int n = jdbc.sql("""
				UPDATE land_parcel SET unit_id = :unit, name = :name, park = :park, location = :location,
				  area_mu = :area, planned_use = :use, water_ready = :water, water_date = :waterDate, power_ready = :power,
				  power_date = :powerDate, gas_ready = :gas, gas_date = :gasDate, road_ready = :road, road_date = :roadDate,
				  price = :price, note = :note, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.params(params)
			.update();
		stale(n);
		jdbc.sql("DELETE FROM land_parcel_chain WHERE parcel_id = :id").param("id", id).update();
		writeChains(id, in.chains());
	}

	void parcelStatus(long id, int version, ParcelStatus status, Long projectId, LocalDate reservedOn) {
		stale(jdbc.sql("""
				UPDATE land_parcel SET status = :status, project_id = :project, reserved_on = :on, version = version + 1,
				  updated_at = :now WHERE id = :id AND version = :version""")
			.param("status", status.name())
			.param("project", projectId)
			.param("on", reservedOn)
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update());
	}

	private static Map<String, Object> parcelParams(ParcelInput in) {
		Map<String, Object> m = new HashMap<>();
		m.put("unit", in.unitId());
		m.put("name", in.name().trim());
		m.put("park", blank(in.park()));
		m.put("location", blank(in.location()));
		m.put("area", in.areaMu());
		m.put("use", in.plannedUse().name());
		m.put("water", ParcelInput.yes(in.waterReady()));
		m.put("waterDate", in.waterDate());
		m.put("power", ParcelInput.yes(in.powerReady()));
		m.put("powerDate", in.powerDate());
		m.put("gas", ParcelInput.yes(in.gasReady()));
		m.put("gasDate", in.gasDate());
		m.put("road", ParcelInput.yes(in.roadReady()));
		m.put("roadDate", in.roadDate());
		m.put("price", in.price());
		m.put("note", blank(in.note()));
		return m;
	}

	private void writeChains(long id, List<Long> chains) {
		for (Long chain : chains) {
			jdbc.sql("INSERT INTO land_parcel_chain (parcel_id, chain_id) VALUES (:p, :c)")
				.param("p", id)
				.param("c", chain)
				.update();
		}
	}

	private List<LandParcel> withChains(List<LandParcel> parcels) {
		if (parcels.isEmpty()) {
			return parcels;
		}
		Map<Long, List<Long>> chains = new HashMap<>();
		jdbc.sql("SELECT parcel_id, chain_id FROM land_parcel_chain WHERE parcel_id IN (:ids) ORDER BY chain_id")
			.param("ids", parcels.stream().map(LandParcel::id).toList())
			.query((rs, n) -> chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return parcels.stream()
			.map(p -> new LandParcel(p.id(), p.unitId(), p.unitName(), p.name(), p.park(), p.location(), p.areaMu(),
					p.plannedUse(), List.copyOf(chains.getOrDefault(p.id(), List.of())), p.waterReady(), p.waterDate(),
					p.powerReady(), p.powerDate(), p.gasReady(), p.gasDate(), p.roadReady(), p.roadDate(), p.price(),
					p.status(), p.projectId(), p.projectCode(), p.projectName(), p.reservedOn(), p.note(),
					p.version()))
			.toList();
	}

	private static LandParcel parcel(ResultSet rs, int n) throws SQLException {
		return new LandParcel(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
				rs.getString("park"), rs.getString("location"), rs.getBigDecimal("area_mu"),
				PlannedUse.valueOf(rs.getString("planned_use")), List.of(), rs.getBoolean("water_ready"),
				rs.getObject("water_date", LocalDate.class), rs.getBoolean("power_ready"),
				rs.getObject("power_date", LocalDate.class), rs.getBoolean("gas_ready"),
				rs.getObject("gas_date", LocalDate.class), rs.getBoolean("road_ready"),
				rs.getObject("road_date", LocalDate.class), rs.getBigDecimal("price"),
				ParcelStatus.valueOf(rs.getString("status")), (Long) rs.getObject("project_id", Long.class),
				rs.getString("project_code"), rs.getString("project_name"),
				rs.getObject("reserved_on", LocalDate.class), rs.getString("note"), rs.getInt("version"));
	}

	// ---- factories

	public Paging<Factory> factories(SiteFilter f, DataScope scope, int page, int size, boolean clamp) {
		SqlFilter where = factoryWhere(f, scope);
		long total = jdbc.sql("SELECT COUNT(*) FROM factory f" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(FACTORY + where.sql() + FACTORY_SORTING.orderBy(factorySort(f), "f.id")
					+ " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(SiteStore::factory)
			.list());
	}

	public void forEachFactory(SiteFilter f, DataScope scope, Consumer<Factory> rows) {
		SqlFilter where = factoryWhere(f, scope);
		jdbc.sql(FACTORY + where.sql() + FACTORY_SORTING.orderBy(factorySort(f), "f.id"))
			.params(where.params())
			.query(SiteStore::factory)
			.list()
			.forEach(rows);
	}

	private static SqlFilter factoryWhere(SiteFilter f, DataScope scope) {
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in("f.unit_id", "scope", scope.readable().stream().map(UnitId::value).toList());
		}
		FactoryStatus status = parse(FactoryStatus.class, f.status());
		return where.containsIgnoringCase("q", f.q(), "f.name", "f.park", "f.building")
			.eq("f.unit_id", "unit", f.unit())
			.eq("f.status", "status", status == null ? null : status.name());
	}

	public Optional<Factory> factory(long id) {
		return jdbc.sql(FACTORY + " WHERE f.id = :id").param("id", id).query(SiteStore::factory).optional();
	}

	public List<Factory> factoriesOf(long projectId) {
		return jdbc.sql(FACTORY + " WHERE f.project_id = :p ORDER BY f.id")
			.param("p", projectId)
			.query(SiteStore::factory)
			.list();
	}

	public List<Factory> availableFactories(List<Long> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(FACTORY + " WHERE f.status = 'AVAILABLE' AND f.unit_id IN (:units) ORDER BY f.id")
			.param("units", units)
			.query(SiteStore::factory)
			.list();
	}

	long insertFactory(FactoryInput in) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO factory (unit_id, name, park, building, floor_area_m2, floors, floor_load, crane, crane_tons,
				  rent, status, note)
				VALUES (:unit, :name, :park, :building, :area, :floors, :load, :crane, :tons, :rent, 'AVAILABLE', :note)""")
			.params(factoryParams(in))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateFactory(long id, int version, FactoryInput in) {
		Map<String, Object> params = factoryParams(in);
		params.put("id", id);
		params.put("version", version);
		params.put("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		stale(jdbc.sql("""
				UPDATE factory SET unit_id = :unit, name = :name, park = :park, building = :building,
				  floor_area_m2 = :area, floors = :floors, floor_load = :load, crane = :crane, crane_tons = :tons,
				  rent = :rent, note = :note, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.params(params)
			.update());
	}

	void factoryStatus(long id, int version, FactoryStatus status, Long projectId, LocalDate reservedOn) {
		stale(jdbc.sql("""
				UPDATE factory SET status = :status, project_id = :project, reserved_on = :on, version = version + 1,
				  updated_at = :now WHERE id = :id AND version = :version""")
			.param("status", status.name())
			.param("project", projectId)
			.param("on", reservedOn)
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update());
	}

	private static Map<String, Object> factoryParams(FactoryInput in) {
		Map<String, Object> m = new HashMap<>();
		m.put("unit", in.unitId());
		m.put("name", in.name().trim());
		m.put("park", blank(in.park()));
		m.put("building", blank(in.building()));
		m.put("area", in.floorAreaM2());
		m.put("floors", in.floors() == null ? 1 : in.floors());
		m.put("load", in.floorLoad());
		m.put("crane", Boolean.TRUE.equals(in.crane()));
		m.put("tons", in.craneTons());
		m.put("rent", in.rent());
		m.put("note", blank(in.note()));
		return m;
	}

	private static Factory factory(ResultSet rs, int n) throws SQLException {
		return new Factory(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
				rs.getString("park"), rs.getString("building"), rs.getBigDecimal("floor_area_m2"), rs.getInt("floors"),
				rs.getBigDecimal("floor_load"), rs.getBoolean("crane"), rs.getBigDecimal("crane_tons"),
				rs.getBigDecimal("rent"), FactoryStatus.valueOf(rs.getString("status")),
				(Long) rs.getObject("project_id", Long.class), rs.getString("project_code"),
				rs.getString("project_name"), rs.getObject("reserved_on", LocalDate.class), rs.getString("note"),
				rs.getInt("version"));
	}

	// ---- helpers

	private static void stale(int updated) {
		if (updated != 1) {
			throw new OptimisticLockingFailureException("stale version");
		}
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** An enum constant by name, null for blank; an unknown name matches nothing rather than everything. */
	static <E extends Enum<E>> E parse(Class<E> type, String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.trim());
		}
		catch (IllegalArgumentException e) {
			throw new cn.zhaoshang.platform.FieldException("status", 400, "site.rule.status");
		}
	}

	/** Sum helper for totals. */
	static BigDecimal zero(BigDecimal b) {
		return b == null ? BigDecimal.ZERO : b;
	}
}
