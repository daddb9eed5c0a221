package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The stagnation rule (无明显进展 / 停滞) of policy clause VII, as one named policy.
 * <p>
 * A project in scope of a <em>closed</em> round is <b>without obvious progress</b> in that round when, in the round's
 * period (first and last day included), it had no stage move, no funds in place (a month's funds of zero do not
 * count) and no completed milestone. It is <b>stalled</b> after {@code N} consecutive such rounds (a setting, default
 * 2). Consecutive means: the closed rounds the project was in scope of, in the order of their periods, newest first;
 * the count stops at the first round with progress.
 * <p>
 * Decisions on the edges:
 * <ul>
 * <li>Entered scope mid-way: a project counts only the rounds it is in scope of. The rounds before it entered (and a
 * round it was taken out of) neither count against it nor break its run; a project added to a round after the round
 * opened counts that round normally (its facts cover the whole period).</li>
 * <li>A reopened round is open again: it counts for nothing until it is closed again, and then with the facts frozen
 * by that closing.</li>
 * <li>Only rounds up to the one the rule is asked about count (the stalled list of an older round stays as it was,
 * newer rounds aside).</li>
 * </ul>
 * Pure Java: the dispatch module feeds it the frozen facts of each round.
 */
public final class StagnationRule {

	/** The default number of consecutive rounds without progress that make a project stalled. */
	public static final int DEFAULT_ROUNDS = 2;

	private final int rounds;

	public StagnationRule(int rounds) {
		if (rounds < 1) {
			throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
		}
		this.rounds = rounds;
	}

	public static StagnationRule withDefault() {
		return new StagnationRule(DEFAULT_ROUNDS);
	}

	public int rounds() {
		return rounds;
	}

	/**
	 * A project's facts in one round, as frozen when the round closed.
	 *
	 * @param roundId the round
	 * @param periodFrom first day of the round's period
	 * @param periodTo last day of the round's period
	 * @param closed whether the round is closed (an open or reopened round counts for nothing)
	 * @param stageMoves stage moves dated in the period
	 * @param funds funds in place in the period (万元); null or zero is none
	 * @param milestone whether a milestone (e.g. the company registered) was completed in the period
	 */
	public record RoundFacts(long roundId, LocalDate periodFrom, LocalDate periodTo, boolean closed, int stageMoves,
			BigDecimal funds, boolean milestone) {

		public RoundFacts {
			Objects.requireNonNull(periodFrom, "periodFrom");
			Objects.requireNonNull(periodTo, "periodTo");
		}

		/** Whether the project showed obvious progress in this round. */
		public boolean progress() {
			return stageMoves > 0 || (funds != null && funds.signum() > 0) || milestone;
		}
	}

	/**
	 * The verdict for one project as of one round.
	 *
	 * @param roundsWithoutProgress consecutive closed rounds without progress, newest first, up to the round asked
	 * @param countingRounds the ids of those rounds, newest first (the rounds that count against the project)
	 * @param stalled whether that run reaches the rule's number of rounds
	 */
	public record Verdict(int roundsWithoutProgress, List<Long> countingRounds, boolean stalled) {

		public Verdict {
			countingRounds = List.copyOf(countingRounds);
		}

		/** Without obvious progress in the round asked about (whether or not stalled yet). */
		public boolean withoutProgress() {
			return roundsWithoutProgress > 0;
		}
	}

	/**
	 * The verdict as of the newest closed round among the project's rounds.
	 *
	 * @param history the rounds the project was in scope of, in any order
	 */
	public Verdict judge(Collection<RoundFacts> history) {
		return judge(history, null);
	}

	/**
	 * The verdict as of round {@code asOfRoundId}: that round and the closed rounds before it (by period) count.
	 * When that round is not closed or the project was not in its scope the verdict is empty (nothing counts).
	 *
	 * @param history the rounds the project was in scope of, in any order
	 * @param asOfRoundId the round asked about; null for the newest closed one
	 */
	public Verdict judge(Collection<RoundFacts> history, Long asOfRoundId) {
		List<RoundFacts> closed = history.stream()
			.filter(RoundFacts::closed)
			.sorted(ORDER.reversed())
			.toList();
		int start = 0;
		if (asOfRoundId != null) {
			start = -1;
			for (int i = 0; i < closed.size(); i++) {
				if (closed.get(i).roundId() == asOfRoundId) {
					start = i;
					break;
				}
			}
			if (start < 0) {
				return new Verdict(0, List.of(), false);
			}
		}
		List<Long> counting = new ArrayList<>();
		for (int i = start; i < closed.size() && !closed.get(i).progress(); i++) {
			counting.add(closed.get(i).roundId());
		}
		return new Verdict(counting.size(), counting, counting.size() >= rounds);
	}

	/** Rounds in the order of their periods (end, then start, then id for rounds over the same period). */
	static final Comparator<RoundFacts> ORDER = Comparator.comparing(RoundFacts::periodTo)
		.thenComparing(RoundFacts::periodFrom)
		.thenComparingLong(RoundFacts::roundId);

	/** Whether a dated fact (a stage move, a milestone) falls in the period: both ends included. */
	public static boolean inPeriod(LocalDate date, LocalDate from, LocalDate to) {
		return date != null && !date.isBefore(from) && !date.isAfter(to);
	}

	/**
	 * Whether a funds month falls in the period: from the month the period starts in to the month its last day is in
	 * (as the round's closing freezes funds_in_period: months whose first day lies between the first day of the
	 * period's first month and its last day).
	 */
	public static boolean inPeriod(YearMonth month, LocalDate from, LocalDate to) {
		return month != null && inPeriod(month.atDay(1), from.withDayOfMonth(1), to);
	}
}
