package cn.zhaoshang.supervision.web;

import java.util.List;
import java.util.Optional;

import cn.zhaoshang.dispatch.DispatchRounds;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.internal.MonthlyNotifications;
import cn.zhaoshang.supervision.internal.MonthlyRanking;
import cn.zhaoshang.supervision.internal.TripTally;

/**
 * What the month page shows: the notification (empty before the bureau starts it), the figures and ranking it
 * prints, the stalled list, the leaders' trip compliance per unit, the corrections since publishing, and the form's refused fields.
 *
 * @param form the texts typed, shown again when refused (else the stored ones)
 * @param errors messages naming each refused field
 */
public record MonthlyPage(ReportingPeriod month, Optional<MonthlyNotifications.Notification> notification,
		boolean editor, boolean pdfAvailable, SupervisionFigures.Result figures, List<MonthlyRanking.Place> ranking,
		Optional<DispatchRounds.StalledList> stalled, List<TripTally> trips, List<Publications.Correction> corrections,
		Form form,
		List<String> errors) {

	/** The editable texts. */
	public record Form(String docTitle, String docNumber, String docDate, String opening, String closing,
			int version) {
	}

	public boolean published() {
		return notification.map(MonthlyNotifications.Notification::published).orElse(false);
	}

	/** Whether the month is over (a notification can be published only then). */
	public boolean over(java.time.LocalDate today) {
		return month.end().isBefore(today);
	}

	/** The message key of a month's status (NONE, DRAFT, PUBLISHED); MonthlyPagesTests checks each has a message. */
	public static String statusKey(String status) {
		return "monthly.status." + status;
	}

	/** The message key of a correction's scope (PERIOD, YTD). */
	public static String scopeKey(Publications.Scope scope) {
		return "monthly.scope." + scope.name();
	}
}
