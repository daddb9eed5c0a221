package cn.zhaoshang.activity.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.zhaoshang.org.PersonPosition;

import org.junit.jupiter.api.Test;

/**
 * The compliance arithmetic of clause XV without a database: trips count when they have a day in the month, days are
 * the trip days inside the month with overlapping trips counted once, and both minimums of a rule must be met.
 */
class TripComplianceTests {

	static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	static LocalDate[] trip(String from, String to) {
		return new LocalDate[] { LocalDate.parse(from), LocalDate.parse(to) };
	}

	@Test
	void days_are_cut_to_the_month_and_counted_once() {
		var count = TripCompliance.count(OCTOBER, List.of(trip("2026-09-29", "2026-10-02"),
				trip("2026-10-02", "2026-10-03"), trip("2026-10-30", "2026-11-04")));
		assertThat(count.trips()).isEqualTo(3);
		// 1st, 2nd, 3rd (the 2nd only once), 30th, 31st
		assertThat(count.days()).isEqualTo(5);
	}

	@Test
	void a_trip_outside_the_month_does_not_count() {
		var count = TripCompliance.count(OCTOBER, List.of(trip("2026-09-01", "2026-09-30"),
				trip("2026-11-01", "2026-11-01")));
		assertThat(count.trips()).isZero();
		assertThat(count.days()).isZero();
	}

	@Test
	void a_commander_needs_two_trips_and_a_principal_seven_days() {
		var commander = new TripRules.Rule(PersonPosition.HQ_COMMANDER, 2, 0);
		var principal = new TripRules.Rule(PersonPosition.HQ_MEMBER_PRINCIPAL, 0, 7);
		var twoShortTrips = TripCompliance.count(OCTOBER, List.of(trip("2026-10-08", "2026-10-08"),
				trip("2026-10-20", "2026-10-20")));
		var oneLongTrip = TripCompliance.count(OCTOBER, List.<LocalDate[]>of(trip("2026-10-05", "2026-10-11")));
		var fiveDays = TripCompliance.count(OCTOBER, List.<LocalDate[]>of(trip("2026-10-27", "2026-11-02")));

		assertThat(TripCompliance.compliant(commander, twoShortTrips)).isTrue();
		assertThat(TripCompliance.compliant(commander, oneLongTrip)).isFalse();
		assertThat(TripCompliance.compliant(principal, oneLongTrip)).isTrue();
		assertThat(fiveDays.days()).isEqualTo(5);
		assertThat(TripCompliance.compliant(principal, fiveDays)).isFalse();
		assertThat(commander.required()).isEqualTo(2);
		assertThat(principal.required()).isEqualTo(7);
	}

	@Test
	void a_rule_with_both_minimums_needs_both_and_a_rule_of_zeros_does_not_apply() {
		var both = new TripRules.Rule(PersonPosition.COUNTY_PRINCIPAL, 1, 3);
		assertThat(TripCompliance.compliant(both, new TripCompliance.Count(1, 2))).isFalse();
		assertThat(TripCompliance.compliant(both, new TripCompliance.Count(1, 3))).isTrue();
		assertThat(new TripRules.Rule(PersonPosition.TEAM_HEAD, 0, 0).applies()).isFalse();
		assertThat(both.applies()).isTrue();
	}
}
