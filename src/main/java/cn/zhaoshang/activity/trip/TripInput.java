package cn.zhaoshang.activity.trip;

import java.time.LocalDate;
import java.util.List;

/**
 * What is entered for an outbound trip ({@code POST /api/v1/trips} and the trip form).
 *
 * @param unitId the unit that enters the trip; null for the user's own unit
 * @param newEnterprises names of enterprises met that are not in the merchant database yet: each is matched by name
 *        or registered for the unit (the merchant module's duplicate check)
 * @param version the version read, for an edit (null on create)
 */
public record TripInput(List<Long> leaderIds, List<Long> staffIds, LocalDate from, LocalDate to, String destination,
		String purpose, List<Long> merchantIds, List<Long> clueIds, List<Long> projectIds, String report, Long unitId,
		List<String> newEnterprises, Integer version) {

	public TripInput {
		leaderIds = clean(leaderIds);
		staffIds = clean(staffIds);
		merchantIds = clean(merchantIds);
		clueIds = clean(clueIds);
		projectIds = clean(projectIds);
		newEnterprises = newEnterprises == null ? List.of()
				: newEnterprises.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
	}

	private static List<Long> clean(List<Long> ids) {
		return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}
}
