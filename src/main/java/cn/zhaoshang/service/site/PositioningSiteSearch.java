package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.chain.UnitPositioning.Tier;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.service.SiteSearchUnits;
import cn.zhaoshang.service.SiteStock;

import org.springframework.stereotype.Component;

/**
 * {@link SiteSearchUnits} from the units' positioning (issue 12): a project is outside its unit's positioning when it
 * has a chain, its unit declared a positioning and the chain is neither a primary nor a secondary chain of the unit
 * (the same rule as {@link UnitPositioning#leads} and the ledger's filter 定位外项目). Such a project is matched to the
 * land and factories of the other units whose positioning leads its chain as well: those that lead it as a primary
 * chain first, then as a secondary one, each group by available net land (most first), then by unit id. A project
 * inside its unit's positioning, without a chain, or in a unit without a positioning is matched in its own unit only.
 */
@Component
class PositioningSiteSearch implements SiteSearchUnits {

	private final Sites sites;
	private final Positionings positionings;
	private final SiteStock stock;

	PositioningSiteSearch(Sites sites, Positionings positionings, SiteStock stock) {
		this.sites = sites;
		this.positionings = positionings;
		this.stock = stock;
	}

	@Override
	public List<UnitId> otherUnits(ProjectId project) {
		Optional<SiteProject> found = sites.findProject(project.value());
		if (found.isEmpty() || found.get().chainId() <= 0) {
			return List.of();
		}
		UnitId own = new UnitId(found.get().unitId());
		ChainId chain = new ChainId(found.get().chainId());
		Map<UnitId, UnitPositioning> all = positionings.all();
		UnitPositioning ownPositioning = all.get(own);
		if (ownPositioning == null || ownPositioning.leads(chain)) {
			return List.of();
		}
		Map<UnitId, BigDecimal> land = new HashMap<>();
		stock.available().forEach(s -> land.put(s.unit(), s.landMu()));
		return all.values()
			.stream()
			.filter(p -> !p.unit().equals(own) && p.leads(chain))
			.sorted(Comparator.<UnitPositioning, Tier>comparing(p -> p.tier(chain))
				.thenComparing(p -> land.getOrDefault(p.unit(), BigDecimal.ZERO), Comparator.reverseOrder())
				.thenComparingLong(p -> p.unit().value()))
			.map(UnitPositioning::unit)
			.toList();
	}
}
