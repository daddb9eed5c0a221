package cn.zhaoshang.activity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Leaders' outbound promotion trips (clause XV) as the supervision reports read them: the approved trips that touch a
 * period (the weekly dynamics' "leaders going out") and the month's compliance with the minimums per position (the
 * monthly notification). Implemented by {@code activity.trip}; only approved trips count.
 */
public interface OutboundTrips {

	/**
	 * One approved trip.
	 *
	 * @param unitId the unit that organised the trip (whose section of the weekly it is in)
	 * @param leaders the names of the leaders who went, in the trip's order
	 * @param enterprises how many enterprises the trip visited
	 */
	record Trip(long id, long unitId, String unitName, LocalDate from, LocalDate to, String destination,
			String purpose, List<String> leaders, int enterprises) {

		/** Days out, both ends counted. */
		public long days() {
			return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
		}
	}

	/**
	 * One person held to a minimum in the month.
	 *
	 * @param positionKey the message key of the person's position ({@code position.HQ_COMMANDER})
	 * @param requiredTrips the minimum of trips (0 when only days count)
	 * @param requiredDays the minimum of days out (0 when only trips count)
	 */
	record Compliance(long personId, String name, long unitId, String unitName, String positionKey,
			int requiredTrips, int requiredDays, int trips, int days, boolean compliant) {
	}

	/** The approved trips whose dates touch {@code first}..{@code last}, by departure then id. */
	List<Trip> approvedBetween(LocalDate first, LocalDate last);

	/** The month's compliance of every person a minimum applies to, by unit order and name. */
	List<Compliance> compliance(YearMonth month);
}
