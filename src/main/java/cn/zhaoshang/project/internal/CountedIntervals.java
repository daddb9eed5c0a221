package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting rule of the supervision figures (ADR 0012, ADR 0016) turned from "is this move counted as of E" into
 * "as of which days E is this move counted", so that the figures read stored intervals instead of searching every
 * later move of every project for each period.
 * <p>
 * A move counts from its <em>effective day</em>: its date (or, without a date, the day it was submitted), or the
 * day the city bureau approved it when that is later. Only applied and approved moves are effective. A forward move
 * into signed, commenced or in production counts as of E when it is effective by E and no later move (by id) that
 * is effective by E took the project back below that stage or into it again, and the project was not dropped as of
 * E (a drop undoes until a later resume is effective).
 * <p>
 * So the days E on which it counts are {@code [effective, first undo)} without the gaps {@code [drop, resume)}: a
 * list of disjoint half-open intervals, the last possibly open-ended ({@code to == null}). The figures of a window
 * {@code [W, E]} count a move when {@code W <= effective <= E} and E lies in one of its intervals.
 */
final class CountedIntervals {

	private CountedIntervals() {
	}

	/** One row of {@code project_stage_move} as the rule needs it. */
	record Move(long id, long projectId, String fromStage, String toStage, String fromStatus, String toStatus,
			LocalDate moveDate, String state, Instant submittedAt, Instant reviewedAt, BigDecimal amount) {
	}

	/** Days on which a move counts: {@code from} inclusive, {@code to} exclusive or {@code null} for open-ended. */
	record Interval(long moveId, long projectId, String toStage, BigDecimal amount, LocalDate effective,
			LocalDate from, LocalDate to) {
	}

	private static int ord(String stage) {
		return switch (stage) {
			case "NEGOTIATING" -> 0;
			case "SIGNED" -> 1;
			case "COMMENCED" -> 2;
			default -> 3;
		};
	}

	/** The effective day, or {@code null} when the move never counts (submitted, returned). */
	static LocalDate effective(Move m, ZoneId zone) {
		boolean applied = "APPLIED".equals(m.state());
		boolean approved = "APPROVED".equals(m.state()) && m.reviewedAt() != null;
		if (!applied && !approved) {
			return null;
		}
		LocalDate day = m.moveDate() != null ? m.moveDate() : m.submittedAt().atZone(zone).toLocalDate();
		if (approved) {
			LocalDate reviewed = m.reviewedAt().atZone(zone).toLocalDate();
			if (reviewed.isAfter(day)) {
				day = reviewed;
			}
		}
		return day;
	}

	/**
	 * The intervals of every counted-stage move of one project.
	 *
	 * @param moves the project's moves in the order they were recorded (by id)
	 */
	static List<Interval> of(List<Move> moves, ZoneId zone) {
		List<Interval> out = new ArrayList<>();
		LocalDate[] eff = new LocalDate[moves.size()];
		for (int i = 0; i < moves.size(); i++) {
			eff[i] = effective(moves.get(i), zone);
		}
		for (int i = 0; i < moves.size(); i++) {
			Move m = moves.get(i);
			if (eff[i] == null || ord(m.toStage()) == 0 || ord(m.fromStage()) >= ord(m.toStage())) {
				continue;
			}
			LocalDate end = null;
			List<LocalDate[]> gaps = new ArrayList<>();
			for (int j = i + 1; j < moves.size(); j++) {
				Move l = moves.get(j);
				if (eff[j] == null) {
					continue;
				}
				boolean undo = ord(l.toStage()) < ord(m.toStage())
						|| (l.toStage().equals(m.toStage()) && ord(l.fromStage()) < ord(l.toStage()));
				if (undo) {
					end = earlier(end, eff[j]);
				}
				else if ("DROPPED".equals(l.toStatus()) && !"DROPPED".equals(l.fromStatus())) {
					gaps.add(new LocalDate[] { eff[j], resumed(moves, eff, j) });
				}
			}
			out.addAll(intervals(m, eff[i], end, gaps));
		}
		return out;
	}

	/** The first day a resume recorded after the drop at {@code drop} is effective, {@code null} never. */
	private static LocalDate resumed(List<Move> moves, LocalDate[] eff, int drop) {
		LocalDate first = null;
		for (int k = drop + 1; k < moves.size(); k++) {
			Move r = moves.get(k);
			if (eff[k] != null && "DROPPED".equals(r.fromStatus()) && !"DROPPED".equals(r.toStatus())) {
				first = earlier(first, eff[k]);
			}
		}
		return first;
	}

	/** {@code [start, end)} without the gaps, as disjoint intervals in order. */
	private static List<Interval> intervals(Move m, LocalDate start, LocalDate end, List<LocalDate[]> gaps) {
		List<LocalDate[]> pieces = new ArrayList<>();
		if (end == null || start.isBefore(end)) {
			pieces.add(new LocalDate[] { start, end });
		}
		for (LocalDate[] gap : gaps) {
			LocalDate g1 = gap[0];
			LocalDate g2 = gap[1];
			if (g2 != null && !g1.isBefore(g2)) {
				continue; // resumed before the drop took effect: no gap
			}
			List<LocalDate[]> next = new ArrayList<>();
			for (LocalDate[] p : pieces) {
				// the part before the gap
				if (p[0].isBefore(g1)) {
					next.add(new LocalDate[] { p[0], earlier(p[1], g1) });
				}
				// the part after the gap
				if (g2 != null && (p[1] == null || g2.isBefore(p[1]))) {
					LocalDate from = p[0].isAfter(g2) ? p[0] : g2;
					next.add(new LocalDate[] { from, p[1] });
				}
			}
			pieces = next;
		}
		List<Interval> out = new ArrayList<>();
		for (LocalDate[] p : pieces) {
			out.add(new Interval(m.id(), m.projectId(), m.toStage(), m.amount(), start, p[0], p[1]));
		}
		return out;
	}

	/** The earlier of two days, {@code null} standing for "never". */
	private static LocalDate earlier(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}
}
