package cn.zhaoshang.chain.positioning;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /api/v1/units/{id}/positioning}: a unit's leading chains and capacity (issue 12). Read by
 * everyone inside the government; written by the city bureau for any unit and by a unit manager for the own unit.
 */
@Tag(name = "Positioning")
@RestController
class PositioningApiController {

	static final String WRITER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER')";

	private final Positionings positionings;
	private final UnitDirectory units;

	PositioningApiController(Positionings positionings, UnitDirectory units) {
		this.positionings = positionings;
		this.units = units;
	}

	/** A positioning as the API shows it; {@code version} is null while the unit has declared none. */
	record PositioningJson(long unitId, List<Long> primaryChainIds, List<Long> secondaryChainIds, BigDecimal netLandMu,
			BigDecimal factoryM2, String parks, Integer version) {

		static PositioningJson of(UnitId unit, UnitPositioning p) {
			if (p == null) {
				return new PositioningJson(unit.value(), List.of(), List.of(), null, null, null, null);
			}
			return new PositioningJson(unit.value(), p.primary().stream().map(ChainId::value).toList(),
					p.secondary().stream().map(ChainId::value).toList(), p.netLandMu(), p.factoryM2(), p.parks(),
					p.version());
		}
	}

	@GetMapping("/api/v1/units/{id}/positioning")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a unit's positioning (leading chains and capacity)", operationId = "getUnitPositioning")
	PositioningJson get(@PathVariable long id) {
		UnitId unit = known(id);
		return PositioningJson.of(unit, positionings.find(unit).orElse(null));
	}

	@PutMapping("/api/v1/units/{id}/positioning")
	@PreAuthorize(WRITER)
	@Operation(summary = "Declare a unit's positioning: primary and secondary chains, net land (mu), factory floor (m2)",
			operationId = "putUnitPositioning")
	PositioningJson put(@PathVariable long id, @RequestBody Positionings.Input body,
			@AuthenticationPrincipal CurrentUser user) {
		UnitId unit = known(id);
		return PositioningJson.of(unit, positionings.save(unit, body, user));
	}

	private UnitId known(long id) {
		UnitId unit = new UnitId(id);
		if (units.find(unit).isEmpty()) {
			throw new NotFoundException();
		}
		return unit;
	}
}
