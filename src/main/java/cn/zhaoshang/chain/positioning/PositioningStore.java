package cn.zhaoshang.chain.positioning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.SiteCapacity;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rows of {@code unit_positioning} and {@code unit_positioning_chain}: reading, checking and storing. */
@Service
class PositioningStore implements Positionings {

	static final int PARKS_MAX = 500;

	static final BigDecimal CAPACITY_MAX = new BigDecimal("9999999999.99");

	private final JdbcClient jdbc;
	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;
	private final ObjectProvider<SiteCapacity> capacity;

	PositioningStore(JdbcClient jdbc, Chains chains, UnitDirectory units, DataScopes scopes, Auditor auditor,
			Clock clock, ObjectProvider<SiteCapacity> capacity) {
		this.capacity = capacity;
		this.jdbc = jdbc;
		this.chains = chains;
		this.units = units;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	private record Head(long unit, BigDecimal land, BigDecimal factory, String parks, int version) {
	}

	@Override
	public Optional<UnitPositioning> find(UnitId unit) {
		return Optional.ofNullable(load(unit.value()).get(unit));
	}

	@Override
	public Map<UnitId, UnitPositioning> all() {
		return load(null);
	}

	@Override
	public Map<UnitId, UnitPositioning> withRegisteredCapacity() {
		Map<UnitId, SiteCapacity.Capacity> registered = registered();
		Map<UnitId, UnitPositioning> out = new LinkedHashMap<>();
		load(null).forEach((unit, p) -> out.put(unit,
				registered.containsKey(unit) ? p.withCapacity(registered.get(unit)) : p));
		return out;
	}

	@Override
	public Set<UnitId> registeredCapacity() {
		return registered().keySet();
	}

	private Map<UnitId, SiteCapacity.Capacity> registered() {
		SiteCapacity source = capacity.getIfAvailable();
		return source == null ? Map.of() : source.registered();
	}

	private Map<UnitId, UnitPositioning> load(Long only) {
		String where = only == null ? "" : " WHERE unit_id = :u";
		var heads = jdbc.sql("SELECT unit_id, net_land_mu, factory_m2, parks, version FROM unit_positioning" + where)
			.params(only == null ? Map.of() : Map.of("u", only))
			.query((rs, n) -> new Head(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getInt(5)))
			.list();
		Map<Long, List<ChainId>> primary = new LinkedHashMap<>();
		Map<Long, List<ChainId>> secondary = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.unit_id, p.chain_id, p.tier FROM unit_positioning_chain p
				JOIN industry_chain c ON c.id = p.chain_id""" + (only == null ? "" : " WHERE p.unit_id = :u")
				+ " ORDER BY p.unit_id, c.sort_order, c.id")
			.params(only == null ? Map.of() : Map.of("u", only))
			.query(rs -> {
				var target = "PRIMARY".equals(rs.getString(3)) ? primary : secondary;
				target.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ChainId(rs.getLong(2)));
			});
		Map<UnitId, UnitPositioning> out = new LinkedHashMap<>();
		for (Head h : heads) {
			out.put(new UnitId(h.unit()),
					new UnitPositioning(new UnitId(h.unit()), primary.getOrDefault(h.unit(), List.of()),
							secondary.getOrDefault(h.unit(), List.of()), h.land(), h.factory(), h.parks(),
							h.version()));
		}
		return out;
	}

	@Override
	public boolean canEdit(UnitId unit, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.role().isCityWide()) {
			return true;
		}
		return user.role() == Role.UNIT_MANAGER && scopes.of(user).canEdit(unit);
	}

	@Override
	@Transactional
	public UnitPositioning save(UnitId unit, Input in, CurrentUser user) {
		if (unit == null || units.find(unit).isEmpty()) {
			throw new NotFoundException();
		}
		if (!canEdit(unit, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		List<ChainId> primary = ids(in.primaryChainIds());
		List<ChainId> secondary = ids(in.secondaryChainIds());
		check(primary, secondary, in);
		Optional<UnitPositioning> before = find(unit);
		int stored = before.map(UnitPositioning::version).orElse(-1);
		int sent = in.version() == null ? -1 : in.version();
		if (stored != sent) {
			throw new OptimisticLockingFailureException("positioning of unit " + unit + " changed meanwhile");
		}
		String parks = in.parks() == null || in.parks().isBlank() ? null : in.parks().trim();
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		if (before.isEmpty()) {
			jdbc.sql("""
					INSERT INTO unit_positioning (unit_id, net_land_mu, factory_m2, parks, version, updated_by,
					    updated_at)
					VALUES (:u, :land, :factory, :parks, 0, :by, :at)""")
				.param("u", unit.value())
				.param("land", in.netLandMu())
				.param("factory", in.factoryM2())
				.param("parks", parks)
				.param("by", user.getUsername())
				.param("at", at)
				.update();
		}
		else {
			int n = jdbc.sql("""
					UPDATE unit_positioning SET net_land_mu = :land, factory_m2 = :factory, parks = :parks,
					    version = version + 1, updated_by = :by, updated_at = :at
					WHERE unit_id = :u AND version = :v""")
				.param("u", unit.value())
				.param("land", in.netLandMu())
				.param("factory", in.factoryM2())
				.param("parks", parks)
				.param("by", user.getUsername())
				.param("at", at)
				.param("v", stored)
				.update();
			if (n == 0) {
				throw new OptimisticLockingFailureException("positioning of unit " + unit + " changed meanwhile");
			}
			jdbc.sql("DELETE FROM unit_positioning_chain WHERE unit_id = :u").param("u", unit.value()).update();
		}
		insert(unit, primary, "PRIMARY");
		insert(unit, secondary, "SECONDARY");
		UnitPositioning saved = find(unit).orElseThrow();
		String name = units.find(unit).map(u -> u.name()).orElse(String.valueOf(unit.value()));
		auditor.record("unitPositioning", unit.value(), before.isEmpty() ? "CREATE" : "UPDATE", name,
				before.map(this::auditView).orElse(null), auditView(saved));
		return saved;
	}

	private void insert(UnitId unit, List<ChainId> ids, String tier) {
		for (ChainId c : ids) {
			jdbc.sql("INSERT INTO unit_positioning_chain (unit_id, chain_id, tier) VALUES (:u, :c, :t)")
				.param("u", unit.value())
				.param("c", c.value())
				.param("t", tier)
				.update();
		}
	}

	private static List<ChainId> ids(List<Long> ids) {
		return ids == null ? List.of()
				: ids.stream().filter(java.util.Objects::nonNull).distinct().map(ChainId::new).toList();
	}

	private void check(List<ChainId> primary, List<ChainId> secondary, Input in) {
		List<Violation> violations = new ArrayList<>();
		Set<ChainId> known = chains.all().stream().map(c -> c.id()).collect(Collectors.toSet());
		if (!known.containsAll(primary)) {
			violations.add(new Violation("primaryChainIds", "validation.unknown"));
		}
		if (!known.containsAll(secondary)) {
			violations.add(new Violation("secondaryChainIds", "validation.unknown"));
		}
		Set<ChainId> both = new HashSet<>(primary);
		both.retainAll(secondary);
		if (!both.isEmpty()) {
			violations.add(new Violation("secondaryChainIds", "positioning.validation.twice"));
		}
		capacity(violations, "netLandMu", in.netLandMu());
		capacity(violations, "factoryM2", in.factoryM2());
		if (in.parks() != null && in.parks().trim().length() > PARKS_MAX) {
			violations.add(new Violation("parks", "positioning.validation.parksTooLong", PARKS_MAX));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private static void capacity(List<Violation> violations, String field, BigDecimal value) {
		if (value == null) {
			return;
		}
		if (value.signum() < 0) {
			violations.add(new Violation(field, "positioning.validation.negative"));
		}
		else if (value.scale() > 2 || value.compareTo(CAPACITY_MAX) > 0) {
			violations.add(new Violation(field, "positioning.validation.capacity"));
		}
	}

	private Map<String, Object> auditView(UnitPositioning p) {
		Map<Long, String> names = chains.names(false);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("primaryChains", p.primary().stream().map(c -> names.get(c.value())).collect(Collectors.joining("\u3001")));
		m.put("secondaryChains",
				p.secondary().stream().map(c -> names.get(c.value())).collect(Collectors.joining("\u3001")));
		m.put("netLandMu", p.netLandMu() == null ? null : p.netLandMu().toPlainString());
		m.put("factoryM2", p.factoryM2() == null ? null : p.factoryM2().toPlainString());
		m.put("parks", p.parks());
		return m;
	}
}
