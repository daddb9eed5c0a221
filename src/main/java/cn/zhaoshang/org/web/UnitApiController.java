package cn.zhaoshang.org.web;

import java.util.List;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/units}: the unit tree as reference data for integrations and phones. */
@Tag(name = "Units")
@RestController
class UnitApiController {

	private final Units units;

	UnitApiController(Units units) {
		this.units = units;
	}

	/** A unit as the API shows it. */
	record UnitView(long id, String code, String name, String shortName, String type, Long parentId, String region,
			boolean active) {
	}

	@GetMapping("/api/v1/units")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the units", operationId = "listUnits")
	List<UnitView> list(@RequestParam(required = false) String type,
			@RequestParam(defaultValue = "false") boolean includeInactive) {
		return units.entities()
			.stream()
			.filter(u -> includeInactive || u.active)
			.filter(u -> type == null || u.type.name().equals(type))
			.sorted(java.util.Comparator.comparingInt((cn.zhaoshang.org.internal.Unit u) -> u.sortOrder)
				.thenComparing(u -> u.name))
			.map(u -> new UnitView(u.id, u.code, u.name, u.shortName, u.type.name(), u.parentId, u.region, u.active))
			.toList();
	}

	@GetMapping("/api/v1/units/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a unit", operationId = "getUnit")
	UnitView one(@PathVariable long id) {
		var u = units.get(id);
		return new UnitView(u.id, u.code, u.name, u.shortName, u.type.name(), u.parentId, u.region, u.active);
	}
}
