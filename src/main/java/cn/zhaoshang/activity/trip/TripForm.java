package cn.zhaoshang.activity.trip;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The trip form as posted: ids of leaders, staff, enterprises and projects; clue ids and new enterprise names as
 * text (one per line or separated by commas).
 */
public record TripForm(List<Long> leaderIds, List<Long> staffIds,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String destination, String purpose,
		List<Long> merchantIds, List<Long> clueIds, List<Long> projectIds, String report, Long unitId,
		String newEnterprises, Integer version) {

	static TripForm empty(Long unitId, Long leader) {
		return new TripForm(leader == null ? List.of() : List.of(leader), List.of(), null, null, "", "", List.of(),
				List.of(), List.of(), "", unitId, "", null);
	}

	static TripForm of(TripView t) {
		return new TripForm(ids(t.leaders()), ids(t.staff()), t.from(), t.to(), t.destination(), t.purpose(),
				ids(t.merchants()), ids(t.clues()), ids(t.projects()), t.report(), t.unitId(), "", t.version());
	}

	private static List<Long> ids(List<TripView.Ref> refs) {
		return refs.stream().map(TripView.Ref::id).toList();
	}

	/** Whether the id is among the chosen ones (the form's checked boxes). */
	public static boolean has(List<Long> ids, long id) {
		return ids != null && ids.contains(id);
	}

	TripInput input() {
		return new TripInput(leaderIds, staffIds, from, to, destination, purpose, merchantIds, clueIds,
				projectIds, report, unitId,
				newEnterprises == null ? List.of() : Arrays.asList(newEnterprises.split("[\\r\\n]+")), version);
	}
}
