package cn.zhaoshang.org;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which units entrust an intermediary (policy clause XI, 委托招商): an intermediary unit submits clues only for them.
 * Data, edited on the administrator's page of the intermediary unit; every change audited.
 */
@Service
public class Entrustments {

	private final JdbcClient jdbc;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;

	Entrustments(JdbcClient jdbc, Units units, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The units that entrust the intermediary unit, in the units' configured order. */
	public List<UnitSummary> entrustingUnits(UnitId intermediary) {
		if (intermediary == null) {
			return List.of();
		}
		Set<Long> ids = Set.copyOf(jdbc.sql("SELECT unit_id FROM unit_entrustment WHERE intermediary_unit_id = :i")
			.param("i", intermediary.value())
			.query(Long.class)
			.list());
		return units.all().stream().filter(u -> ids.contains(u.id().value())).toList();
	}

	public boolean entrusts(UnitId unit, UnitId intermediary) {
		return unit != null && entrustingUnits(intermediary).stream().anyMatch(u -> u.id().equals(unit));
	}

	/** Replaces the entrusting units of an intermediary unit. Only units of type INTERMEDIARY are entrusted. */
	@Transactional
	public void replace(long intermediaryUnitId, Set<Long> unitIds) {
		var unit = units.get(intermediaryUnitId);
		if (unit.type != UnitType.INTERMEDIARY) {
			throw new NotFoundException();
		}
		Set<Long> wanted = new TreeSet<>(unitIds == null ? Set.of() : unitIds);
		wanted.remove(intermediaryUnitId);
		for (Long id : wanted) {
			if (units.find(new UnitId(id)).isEmpty()) {
				throw new FieldException("entrustingUnitIds", "validation.unknown");
			}
		}
		Set<Long> before = new TreeSet<>(entrustingUnits(new UnitId(intermediaryUnitId)).stream()
			.map(u -> u.id().value())
			.toList());
		if (before.equals(wanted)) {
			return;
		}
		jdbc.sql("DELETE FROM unit_entrustment WHERE intermediary_unit_id = :i").param("i", intermediaryUnitId).update();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		for (Long id : wanted) {
			jdbc.sql("INSERT INTO unit_entrustment (intermediary_unit_id, unit_id, created_at) VALUES (:i, :u, :now)")
				.param("i", intermediaryUnitId)
				.param("u", id)
				.param("now", now)
				.update();
		}
		auditor.record("unit", intermediaryUnitId, "ENTRUSTMENT", unit.name, Map.of("entrustedBy", names(before)),
				Map.of("entrustedBy", names(wanted)));
	}

	private String names(Set<Long> ids) {
		Set<String> names = new LinkedHashSet<>();
		units.all().stream().filter(u -> ids.contains(u.id().value())).forEach(u -> names.add(u.name()));
		return String.join(", ", names);
	}
}
