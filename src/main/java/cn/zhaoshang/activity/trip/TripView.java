package cn.zhaoshang.activity.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A trip as pages and the API show it, with the names of its people, enterprises, clues and projects. */
public record TripView(long id, long unitId, String unitName, LocalDate from, LocalDate to, String destination,
		String purpose, String report, TripStatus status, String reviewOpinion, String reviewedBy, Instant reviewedAt,
		String createdBy, int version, List<Ref> leaders, List<Ref> staff, List<Ref> merchants, List<Ref> clues,
		List<Ref> projects) {

	/** A linked record: its id and what the pages show of it. */
	public record Ref(long id, String label) {
	}

	/** Days from the first to the last day of the trip, both counted. */
	public long days() {
		return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
	}
}
