package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly dynamics as stored: a week's header and its lines per unit. The records the pages, the API, the
 * export and the home page read.
 */
public final class WeeklyDynamics {

	private WeeklyDynamics() {
	}

	/** DRAFT while the bureau works on it (it may be compiled again); PUBLISHED frozen and shown to everyone. */
	public enum Status {
		DRAFT, PUBLISHED
	}

	/** The kinds of line: a new clue, a stage move, a funds row recorded, a stalled project, a leaders' trip. */
	public enum Kind {
		CLUE, MOVE, FUNDS, STALLED, TRIP
	}

	/** A week's header. */
	public record Header(long id, String week, LocalDate start, LocalDate end, Status status, String note,
			Instant compiledAt, String compiledBy, Instant publishedAt, String publishedBy, int version) {

		public boolean published() {
			return status == Status.PUBLISHED;
		}
	}

	/**
	 * One line.
	 *
	 * @param unitId the unit whose section it is in, {@code null} for the city clue pool
	 * @param refId the clue's, the project's or the trip's id
	 * @param title for TRIP: the destination
	 * @param date the clue's day, the move's effective day, the funds row's recording day, the trip's departure
	 * @param amount for FUNDS: the unit's part of the funds in place (10,000 yuan)
	 * @param fundsMonth for FUNDS: the first day of the month the money is booked in
	 * @param shareBp the unit's credit share in basis points (projects only)
	 * @param rounds for STALLED: rounds without obvious progress
	 * @param endDate for TRIP: the return day
	 * @param people for TRIP: the names of the leaders who went, as compiled, one a line
	 */
	public record Item(Long unitId, Kind kind, long refId, String code, String title, String fromStage, String toStage,
			String fromStatus, String toStatus, LocalDate date, BigDecimal amount, LocalDate fundsMonth, Integer shareBp,
			Integer rounds, LocalDate endDate, String people) {

		/** A line of a project or clue (no trip fields). */
		public Item(Long unitId, Kind kind, long refId, String code, String title, String fromStage, String toStage,
				String fromStatus, String toStatus, LocalDate date, BigDecimal amount, LocalDate fundsMonth,
				Integer shareBp, Integer rounds) {
			this(unitId, kind, refId, code, title, fromStage, toStage, fromStatus, toStatus, date, amount, fundsMonth,
					shareBp, rounds, null, null);
		}

		/** For TRIP: the leaders' names. */
		public List<String> leaders() {
			return people == null || people.isBlank() ? List.of() : List.of(people.split("\n"));
		}

		/** A leaders' trip. */
		static Item trip(long unitId, long tripId, String destination, LocalDate from, LocalDate to, String people) {
			return new Item(unitId, Kind.TRIP, tripId, null, destination, null, null, null, null, from, null, null,
					null, null, to, people);
		}
	}

	/** One unit's section: its lines by kind and their counts. */
	public record Section(Long unitId, String unitName, List<Item> clues, List<Item> moves, List<Item> funds,
			List<Item> stalled, BigDecimal fundsTotal, List<Item> trips) {
	}

	/** A week with its sections (every listed unit, in the units' order, then the city clue pool) and totals. */
	public record Week(Header header, List<Section> sections, int clueCount, int moveCount, BigDecimal fundsTotal,
			int stalledCount, int tripCount) {
	}
}
