package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.service.SiteSearchUnits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The land and factories matched to a project (issue 14): the available ones of its unit (and of the units that
 * {@link SiteSearchUnits} names for a project outside its unit's positioning), scored by {@link SiteScoring} and
 * ranked best first, at most {@value #LIMIT} of each kind.
 */
@Service
public class SiteMatching {

	static final int LIMIT = 10;

	private final Sites sites;
	private final SiteStore store;
	private final ObjectProvider<SiteSearchUnits> otherUnits;

	SiteMatching(Sites sites, SiteStore store, ObjectProvider<SiteSearchUnits> otherUnits) {
		this.sites = sites;
		this.store = store;
		this.otherUnits = otherUnits;
	}

	/**
	 * One candidate.
	 *
	 * @param kind land or factory
	 * @param id the parcel's or factory's id
	 * @param unitId its unit
	 * @param unitName the unit's name
	 * @param name its name
	 * @param park its park
	 * @param size its area (亩 for land, m² for a factory)
	 * @param score 0–100
	 * @param reasons why, point by point
	 * @param version its version (to reserve it)
	 */
	public record Match(SiteKind kind, long id, long unitId, String unitName, String name, String park,
			BigDecimal size, int score, List<SiteScoring.Reason> reasons, int version) {
	}

	/** The project's matches (404 when the user may not read the project). */
	public List<Match> matches(long projectId, CurrentUser user) {
		return matches(sites.project(projectId, user));
	}

	List<Match> matches(SiteProject project) {
		Set<Long> units = new LinkedHashSet<>();
		units.add(project.unitId());
		SiteSearchUnits hook = otherUnits.getIfAvailable();
		if (hook != null) {
			hook.otherUnits(new ProjectId(project.id())).stream().map(UnitId::value).forEach(units::add);
		}
		List<Long> searched = List.copyOf(units);
		SiteScoring.Need need = project.need();
		List<Match> matches = new ArrayList<>();
		if (need.land()) {
			matches.addAll(best(store.availableParcels(searched).stream().map(p -> {
				var scored = SiteScoring.land(need, new SiteScoring.Parcel(p.areaMu(), p.plannedUse(),
						new HashSet<>(p.chainIds()), p.infrastructureReady(), p.unitId()));
				return new Match(SiteKind.LAND, p.id(), p.unitId(), p.unitName(), p.name(), p.park(), p.areaMu(),
						scored.score(), scored.reasons(), p.version());
			}).toList()));
		}
		if (need.factory()) {
			matches.addAll(best(store.availableFactories(searched).stream().map(f -> {
				var scored = SiteScoring.factory(need,
						new SiteScoring.Hall(f.floorAreaM2(), f.floors(), f.crane(), f.unitId()));
				return new Match(SiteKind.FACTORY, f.id(), f.unitId(), f.unitName(), f.name(), f.park(),
						f.floorAreaM2(), scored.score(), scored.reasons(), f.version());
			}).toList()));
		}
		return matches;
	}

	private static List<Match> best(List<Match> all) {
		return all.stream()
			.sorted(Comparator.comparingInt(Match::score).reversed().thenComparingLong(Match::id))
			.limit(LIMIT)
			.toList();
	}
}
