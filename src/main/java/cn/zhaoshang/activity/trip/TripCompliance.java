package cn.zhaoshang.activity.trip;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonPosition;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.UnitDirectory;

import org.springframework.stereotype.Service;

/**
 * The monthly compliance table of clause XV: for every active person whose position has a minimum, the approved trips
 * that have at least one day in the month and the days out within the month (a day out on two trips counts once;
 * submitted and returned trips do not count), against the position's rule.
 */
@Service
public class TripCompliance {

	private final Trips trips;
	private final People people;
	private final Settings settings;
	private final UnitDirectory units;

	TripCompliance(Trips trips, People people, Settings settings, UnitDirectory units) {
		this.trips = trips;
		this.people = people;
		this.settings = settings;
		this.units = units;
	}

	/** What one person did in the month. */
	public record Count(int trips, int days) {
	}

	/** One unit's line of the compliance page's summary: people the rules count, and how many comply. */
	public record UnitLine(long unitId, String unitName, int people, int compliant) {
	}

	/** One row of the table. */
	public record Row(long personId, String name, long unitId, String unitName, PersonPosition position,
			int requiredTrips, int requiredDays, int trips, int days, boolean compliant) {

		/** The one number the API's {@code required} shows: trips when a trip minimum is set, else days. */
		public int required() {
			return requiredTrips > 0 ? requiredTrips : requiredDays;
		}
	}

	/**
	 * Counts the trips and days out in the month of one person's approved trips (pure: the unit test's subject).
	 *
	 * @param ranges the from and to dates of each trip, both included
	 */
	public static Count count(YearMonth month, Collection<LocalDate[]> ranges) {
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		Set<LocalDate> days = new HashSet<>();
		int n = 0;
		for (LocalDate[] r : ranges) {
			LocalDate from = r[0].isBefore(first) ? first : r[0];
			LocalDate to = r[1].isAfter(last) ? last : r[1];
			if (from.isAfter(to)) {
				continue;
			}
			n++;
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				days.add(d);
			}
		}
		return new Count(n, days.size());
	}

	/** Whether the count meets the rule: both minimums that are set. */
	public static boolean compliant(TripRules.Rule rule, Count count) {
		return count.trips() >= rule.minTrips() && count.days() >= rule.minDays();
	}

	/** The table of the month, by unit order and name; only the unit's people when {@code unit} is given. */
	public List<Row> month(YearMonth month, Long unit) {
		Map<PersonPosition, TripRules.Rule> rules = new java.util.EnumMap<>(PersonPosition.class);
		for (PersonPosition p : PersonPosition.values()) {
			rules.put(p, TripRules.of(settings, p));
		}
		Map<Long, List<LocalDate[]>> byPerson = trips.approvedBetween(month.atDay(1), month.atEndOfMonth())
			.stream()
			.collect(Collectors.groupingBy(Trips.PersonTrip::personId,
					Collectors.mapping(t -> new LocalDate[] { t.from(), t.to() }, Collectors.toList())));
		List<Row> rows = new ArrayList<>();
		for (People.PositionedPerson p : people.positioned()) {
			if (!p.active() || p.position() == null || !rules.get(p.position()).applies()) {
				continue;
			}
			if (unit != null && p.unitId().value() != unit) {
				continue;
			}
			TripRules.Rule rule = rules.get(p.position());
			Count c = count(month, byPerson.getOrDefault(p.id().value(), List.of()));
			rows.add(new Row(p.id().value(), p.name(), p.unitId().value(),
					units.find(p.unitId()).map(u -> u.name()).orElse(""), p.position(), rule.minTrips(),
					rule.minDays(), c.trips(), c.days(), compliant(rule, c)));
		}
		return rows;
	}
}
