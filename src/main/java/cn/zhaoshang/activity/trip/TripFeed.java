package cn.zhaoshang.activity.trip;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import cn.zhaoshang.activity.OutboundTrips;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trips and the compliance the supervision reports read, from the trips' own queries. */
@Service
@Transactional(readOnly = true)
class TripFeed implements OutboundTrips {

	private final Trips trips;
	private final TripCompliance compliance;

	TripFeed(Trips trips, TripCompliance compliance) {
		this.trips = trips;
		this.compliance = compliance;
	}

	@Override
	public List<Trip> approvedBetween(LocalDate first, LocalDate last) {
		List<Long> ids = trips.approvedBetween(first, last).stream().map(Trips.PersonTrip::tripId).distinct().toList();
		return trips.load(ids)
			.stream()
			.sorted(Comparator.comparing(TripView::from).thenComparing(TripView::id))
			.map(t -> new Trip(t.id(), t.unitId(), t.unitName(), t.from(), t.to(), t.destination(), t.purpose(),
					t.leaders().stream().map(TripView.Ref::label).toList(), t.merchants().size()))
			.toList();
	}

	@Override
	public List<Compliance> compliance(YearMonth month) {
		return compliance.month(month, null)
			.stream()
			.map(r -> new Compliance(r.personId(), r.name(), r.unitId(), r.unitName(),
					"position." + r.position().name(), r.requiredTrips(), r.requiredDays(), r.trips(), r.days(),
					r.compliant()))
			.toList();
	}
}
