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
import java.util.stream.Collectors;

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

	private final JdbcClient jdbc;

	SiteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static Sorting.Sort parcelSort(SiteFilter f) {
		return SiteKind.LAND.sort(f);
	}

	public static Sorting.Sort factorySort(SiteFilter f) {
		return SiteKind.FACTORY.sort(f);
	}

	/** The query of a kind's records with their unit's and project's names (no WHERE yet). */
	private static String select(SiteKind kind) {
		String a = kind.alias();
		return "SELECT " + a + ".*, u.name AS unit_name, p.code AS project_code, p.name AS project_name FROM "
				+ kind.table() + " " + a + " JOIN unit u ON u.id = " + a + ".unit_id LEFT JOIN project p ON p.id = "
				+ a + ".project_id";
	}

	/** The records of a query, typed as the caller reads them (a kind's records are all of its one record type). */
	@SuppressWarnings("unchecked")
	private <S extends Site> List<S> rows(SiteKind kind, JdbcClient.StatementSpec statement) {
		List<Site> rows = kind == SiteKind.LAND ? withChains(statement.query(SiteStore::parcel).list())
				: List.copyOf(statement.query(SiteStore::factory).list());
		return (List<S>) rows;
	}

	/** One page of a kind's list (the list kit's paging, sorting and filters). */
	public <S extends Site> Paging<S> list(SiteKind kind, SiteFilter f, DataScope scope, int page, int size,
			boolean clamp) {
		SqlFilter where = where(kind, f, scope);
		long total = jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " " + kind.alias() + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> rows(kind, jdbc
			.sql(select(kind) + where.sql() + kind.sorting().orderBy(kind.sort(f), kind.alias() + ".id")
					+ " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)));
	}

	public Paging<LandParcel> parcels(SiteFilter f, DataScope scope, int page, int size, boolean clamp) {
		return list(SiteKind.LAND, f, scope, page, size, clamp);
	}

	public Paging<Factory> factories(SiteFilter f, DataScope scope, int page, int size, boolean clamp) {
		return list(SiteKind.FACTORY, f, scope, page, size, clamp);
	}

	/** The export: the same filter and order, every row. */
	public <S extends Site> void forEach(SiteKind kind, SiteFilter f, DataScope scope, Consumer<S> each) {
		SqlFilter where = where(kind, f, scope);
		this.<S>rows(kind, jdbc.sql(select(kind) + where.sql() + kind.sorting().orderBy(kind.sort(f),
				kind.alias() + ".id")).params(where.params())).forEach(each);
	}

	private static SqlFilter where(SiteKind kind, SiteFilter f, DataScope scope) {
		String a = kind.alias() + ".";
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in(a + "unit_id", "scope", scope.readable().stream().map(UnitId::value).toList());
		}
		Enum<?> status = kind.status(f.status());
		List<String> searched = new ArrayList<>(List.of(a + "name", a + "park"));
		for (String column : kind.searched()) {
			searched.add(a + column);
		}
		where.containsIgnoringCase("q", f.q(), searched.toArray(String[]::new))
			.eq(a + "unit_id", "unit", f.unit())
			.eq(a + "status", "status", status == null ? null : status.name());
		if (kind == SiteKind.LAND) {
			where.eq(a + "planned_use", "use", f.use() == null ? null : f.use().name());
		}
		return where;
	}

	/** One record of the kind, if it exists. */
	public <S extends Site> Optional<S> find(SiteKind kind, long id) {
		return this.<S>rows(kind, jdbc.sql(select(kind) + " WHERE " + kind.alias() + ".id = :id").param("id", id))
			.stream()
			.findFirst();
	}

	public Optional<LandParcel> parcel(long id) {
		return find(SiteKind.LAND, id);
	}

	public Optional<Factory> factory(long id) {
		return find(SiteKind.FACTORY, id);
	}

	/** The record of this name in the unit (the same record for an import), if any. */
	Optional<Long> named(SiteKind kind, long unitId, String name) {
		return jdbc.sql("SELECT id FROM " + kind.table() + " WHERE unit_id = :unit AND name = :name ORDER BY id")
			.param("unit", unitId)
			.param("name", name.strip())
			.query(Long.class)
			.list().stream().findFirst();
	}

	/** The records reserved for (or allocated, let or sold to) the project. */
	public <S extends Site> List<S> of(SiteKind kind, long projectId) {
		return rows(kind, jdbc.sql(select(kind) + " WHERE " + kind.alias() + ".project_id = :p ORDER BY "
				+ kind.alias() + ".id").param("p", projectId));
	}

	public List<LandParcel> parcelsOf(long projectId) {
		return of(SiteKind.LAND, projectId);
	}

	public List<Factory> factoriesOf(long projectId) {
		return of(SiteKind.FACTORY, projectId);
	}

	/** The available records of these units (the candidates for matching). */
	public <S extends Site> List<S> available(SiteKind kind, List<Long> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		String a = kind.alias();
		return rows(kind, jdbc.sql(select(kind) + " WHERE " + a + ".status = 'AVAILABLE' AND " + a
				+ ".unit_id IN (:units) ORDER BY " + a + ".id").param("units", units));
	}

	public List<LandParcel> availableParcels(List<Long> units) {
		return available(SiteKind.LAND, units);
	}

	public List<Factory> availableFactories(List<Long> units) {
		return available(SiteKind.FACTORY, units);
	}

	long insert(SiteKind kind, SiteInput in) {
		var keys = new GeneratedKeyHolder();
		String columns = String.join(", ", kind.columns().keySet());
		String values = kind.columns().values().stream().map(v -> ":" + v).collect(Collectors.joining(", "));
		jdbc.sql("INSERT INTO " + kind.table() + " (" + columns + ", status) VALUES (" + values + ", 'AVAILABLE')")
			.params(in.params())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeChains(kind, id, in.chains());
		return id;
	}

	void update(SiteKind kind, long id, int version, SiteInput in) {
		Map<String, Object> params = in.params();
		params.put("id", id);
		params.put("version", version);
		params.put("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		String sets = kind.columns().entrySet().stream().map(e -> e.getKey() + " = :" + e.getValue())
			.collect(Collectors.joining(", "));
		stale(jdbc.sql("UPDATE " + kind.table() + " SET " + sets
				+ ", version = version + 1, updated_at = :now WHERE id = :id AND version = :version")
			.params(params)
			.update());
		if (kind.hasChains()) {
			jdbc.sql("DELETE FROM land_parcel_chain WHERE parcel_id = :id").param("id", id).update();
			writeChains(kind, id, in.chains());
		}
	}

	void status(SiteKind kind, long id, int version, Enum<?> status, Long projectId, LocalDate reservedOn) {
		stale(jdbc.sql("UPDATE " + kind.table() + " SET status = :status, project_id = :project, reserved_on = :on,"
				+ " version = version + 1, updated_at = :now WHERE id = :id AND version = :version")
			.param("status", status.name())
			.param("project", projectId)
			.param("on", reservedOn)
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update());
	}

	private void writeChains(SiteKind kind, long id, List<Long> chains) {
		if (!kind.hasChains()) {
			return;
		}
		for (Long chain : chains) {
			jdbc.sql("INSERT INTO land_parcel_chain (parcel_id, chain_id) VALUES (:p, :c)")
				.param("p", id)
				.param("c", chain)
				.update();
		}
	}

	private List<Site> withChains(List<LandParcel> parcels) {
		if (parcels.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> chains = new HashMap<>();
		jdbc.sql("SELECT parcel_id, chain_id FROM land_parcel_chain WHERE parcel_id IN (:ids) ORDER BY chain_id")
			.param("ids", parcels.stream().map(LandParcel::id).toList())
			.query((rs, n) -> chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return parcels.stream()
			.<Site>map(p -> new LandParcel(p.id(), p.unitId(), p.unitName(), p.name(), p.park(), p.location(), p.areaMu(),
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
