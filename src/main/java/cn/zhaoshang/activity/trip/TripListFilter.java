package cn.zhaoshang.activity.trip;

import java.time.YearMonth;

/** The trip list's filters as the page shows them. */
public record TripListFilter(String q, Long unit, Long person, TripStatus status, String month) {

	Trips.Filter toFilter() {
		YearMonth m = null;
		if (month != null && !month.isBlank()) {
			try {
				m = YearMonth.parse(month.trim());
			}
			catch (java.time.format.DateTimeParseException e) {
				m = null;
			}
		}
		return new Trips.Filter(q, unit, person, status, m);
	}

	/** The query string of these filters, for the pager and the export link. */
	public String query() {
		StringBuilder sb = new StringBuilder();
		append(sb, "q", q);
		append(sb, "unit", unit);
		append(sb, "person", person);
		append(sb, "status", status == null ? null : status.name());
		append(sb, "month", month);
		return sb.toString();
	}

	private static void append(StringBuilder sb, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			sb.append(sb.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}
