package cn.zhaoshang.activity.event;

import java.time.LocalDate;
import java.util.List;

/**
 * An event as written by the form and the API ({@code POST /api/v1/events}, {@code PUT /api/v1/events/{id}}).
 *
 * @param place where it takes place; an online event gives {@code onlineLink} instead (one of them is required)
 * @param organiserUnitId the organising unit (the user must be allowed to edit its records)
 * @param participantUnitIds the other units taking part
 * @param merchantIds enterprises met (merchant database)
 * @param clueIds clues produced at the event
 * @param projectIds ledger projects signed (or advanced) at it; a signing ceremony lists at least one
 * @param version the version read, for a change
 */
public record EventInput(EventKind kind, String name, LocalDate startDate, LocalDate endDate, String place,
		String onlineLink, Long organiserUnitId, List<Long> participantUnitIds, List<Long> merchantIds,
		List<Long> clueIds, List<Long> projectIds, String overview, Integer version) {
}
