package cn.zhaoshang.supervision.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.OutboundTrips;

/**
 * One unit's line of the monthly notification's trips table (clause XV): the people held to a minimum, how many met
 * it, and the names of the others. The notification's document and its page print the same lines.
 */
public record TripTally(long unitId, String unitName, int people, int compliant, List<String> behind) {

	/** The lines per unit, in the order of the compliance rows (the units' order). */
	public static List<TripTally> of(List<OutboundTrips.Compliance> rows) {
		Map<Long, List<OutboundTrips.Compliance>> byUnit = new LinkedHashMap<>();
		rows.forEach(r -> byUnit.computeIfAbsent(r.unitId(), u -> new ArrayList<>()).add(r));
		return byUnit.values()
			.stream()
			.map(l -> new TripTally(l.get(0).unitId(), l.get(0).unitName(), l.size(),
					(int) l.stream().filter(OutboundTrips.Compliance::compliant).count(),
					l.stream().filter(r -> !r.compliant()).map(OutboundTrips.Compliance::name).toList()))
			.toList();
	}
}
