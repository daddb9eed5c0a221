package cn.zhaoshang.allocation.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.project.CreditShares.CreditShare;

/**
 * The share arithmetic of a benefit-sharing agreement (利益共享, issue 12), a named policy: from the day the transfer
 * is accepted until the term's last day, the introducing unit keeps {@code introducerShare} of its own part of the
 * project's shares and the receiving unit gets the rest of that part; after the term the receiving unit gets the
 * introducer's whole part. The parts of other units (an earlier agreement) are left as they are. A part is split in
 * basis points by the largest-remainder rule of {@link Shares}, so the shares of every period still add up to
 * exactly 100 % and no basis point is lost; amounts are then split to the fen by the same rule wherever figures are
 * credited.
 */
public final class BenefitSplit {

	private BenefitSplit() {
	}

	/** The shares in force from {@code from} (inclusive) until the next segment starts: unit id to basis points. */
	public record Segment(LocalDate from, Map<Long, Integer> shares) {

		public Segment {
			shares = java.util.Collections.unmodifiableMap(new TreeMap<>(shares));
		}

		int sum() {
			return shares.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/**
	 * The project's shares from a day on, as consecutive segments: the first starts on {@code from}, the others
	 * where a stored share starts or ends later. Days without any share in force are left out.
	 */
	public static List<Segment> segments(List<CreditShare> history, LocalDate from) {
		TreeSet<LocalDate> starts = new TreeSet<>();
		starts.add(from);
		for (CreditShare s : history) {
			if (s.validFrom() != null && s.validFrom().isAfter(from)) {
				starts.add(s.validFrom());
			}
			if (s.validTo() != null && !s.validTo().isBefore(from)) {
				starts.add(s.validTo().plusDays(1));
			}
		}
		List<Segment> out = new ArrayList<>();
		for (LocalDate d : starts) {
			Map<Long, Integer> m = new TreeMap<>();
			for (CreditShare s : history) {
				if (s.inForce(d)) {
					m.merge(s.unit().value(), s.basisPoints(), Integer::sum);
				}
			}
			if (!m.isEmpty()) {
				out.add(new Segment(d, m));
			}
		}
		return merge(out);
	}

	/**
	 * Applies an agreement to the segments the project had from the day of acceptance on.
	 *
	 * @param introducerBp the introducer's part of its own share, basis points from 0 to 9,999
	 * @param lastDay the term's last day (the agreement ends after it)
	 */
	public static List<Segment> apply(List<Segment> base, long introducer, long receiver, int introducerBp,
			LocalDate lastDay) {
		if (introducerBp < 0 || introducerBp >= Shares.WHOLE) {
			throw new IllegalArgumentException("introducer share out of range: " + introducerBp);
		}
		if (introducer == receiver) {
			throw new IllegalArgumentException("introducer and receiver are the same unit");
		}
		LocalDate after = lastDay.plusDays(1);
		List<Segment> cut = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			Segment s = base.get(i);
			LocalDate next = i + 1 < base.size() ? base.get(i + 1).from() : null;
			cut.add(s);
			if (s.from().isBefore(after) && (next == null || next.isAfter(after))) {
				cut.add(new Segment(after, s.shares()));
			}
		}
		List<Segment> out = new ArrayList<>();
		for (Segment s : cut) {
			boolean inTerm = s.from().isBefore(after);
			out.add(new Segment(s.from(), move(s.shares(), introducer, receiver, inTerm ? introducerBp : 0)));
		}
		return merge(out);
	}

	/**
	 * One agreement of a project as the fold of {@link #applyAll} takes it.
	 *
	 * @param clue whether it is a transferred clue's agreement: the receiving unit's part counts as the introducer's
	 *        before the split ({@link #relabel})
	 */
	public record Term(LocalDate from, LocalDate lastDay, long introducer, long receiver, int introducerBp,
			boolean clue) {
	}

	/**
	 * The shares of a project with several agreements (a project passed on twice, or a clue's agreements): the
	 * agreements applied one after the other, in the order given (the order they took effect), each to the shares the
	 * ones before it left from its first day on, starting from {@code ground}, the shares the project had from the
	 * first agreement's day on before any agreement. So a change of any agreement keeps the effect of every other:
	 * nothing depends on the shares as they were when an agreement was accepted.
	 *
	 * @return the segments from the first term's first day on
	 */
	public static List<Segment> applyAll(List<Segment> ground, List<Term> terms) {
		if (terms.isEmpty()) {
			return ground;
		}
		List<Segment> current = ground;
		for (Term t : terms) {
			List<Segment> base = from(current, t.from());
			if (t.clue()) {
				base = relabel(base, t.receiver(), t.introducer());
			}
			if (base.isEmpty()) {
				base = List.of(new Segment(t.from(), Map.of(t.introducer(), Shares.WHOLE)));
			}
			List<Segment> next = new ArrayList<>(before(current, t.from()));
			next.addAll(apply(base, t.introducer(), t.receiver(), t.introducerBp(), t.lastDay()));
			current = merge(next);
		}
		return current;
	}

	/** The segments from a day on: the one in force that day starts on it, earlier ones are left out. */
	static List<Segment> from(List<Segment> segments, LocalDate day) {
		List<Segment> out = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			Segment s = segments.get(i);
			LocalDate next = i + 1 < segments.size() ? segments.get(i + 1).from() : null;
			if (next != null && !next.isAfter(day)) {
				continue;
			}
			out.add(s.from().isBefore(day) ? new Segment(day, s.shares()) : s);
		}
		return out;
	}

	/** The segments that start before a day (the last of them then ends the day before). */
	static List<Segment> before(List<Segment> segments, LocalDate day) {
		return segments.stream().filter(s -> s.from().isBefore(day)).toList();
	}

	/**
	 * The segments with {@code from}'s part counted as {@code to}'s (added to any part {@code to} has): a clue's
	 * agreement shares what the receiving unit lands as if the introducer held it.
	 */
	public static List<Segment> relabel(List<Segment> segments, long from, long to) {
		List<Segment> out = new ArrayList<>();
		for (Segment s : segments) {
			Map<Long, Integer> m = new TreeMap<>(s.shares());
			Integer part = m.remove(from);
			if (part != null) {
				m.merge(to, part, Integer::sum);
			}
			out.add(new Segment(s.from(), m));
		}
		return merge(out);
	}

	/** The introducer's part split between it (its share of the part) and the receiver (the rest). */
	static Map<Long, Integer> move(Map<Long, Integer> shares, long introducer, long receiver, int introducerBp) {
		int part = shares.getOrDefault(introducer, 0);
		if (part == 0) {
			return shares;
		}
		Map<Long, Integer> out = new TreeMap<>(shares);
		out.remove(introducer);
		int kept;
		if (introducerBp == 0) {
			kept = 0;
		}
		else {
			Map<Long, BigInteger> split = Shares.split(BigInteger.valueOf(part),
					List.of(new Shares.Share(introducer, introducerBp),
							new Shares.Share(receiver, Shares.WHOLE - introducerBp)));
			kept = split.get(introducer).intValueExact();
		}
		if (kept > 0) {
			out.put(introducer, kept);
		}
		out.merge(receiver, part - kept, Integer::sum);
		out.values().removeIf(v -> v == 0);
		return out;
	}

	private static List<Segment> merge(List<Segment> segments) {
		List<Segment> out = new ArrayList<>();
		for (Segment s : segments) {
			if (!out.isEmpty() && out.get(out.size() - 1).shares().equals(s.shares())) {
				continue;
			}
			out.add(s);
		}
		return out;
	}

	/** The segments as stored with an agreement: {@code 2026-12-07:5=7000,9=3000;2029-12-07:9=10000}. */
	public static String format(List<Segment> segments) {
		StringBuilder b = new StringBuilder();
		for (Segment s : segments) {
			if (!b.isEmpty()) {
				b.append(';');
			}
			b.append(s.from()).append(':');
			int i = 0;
			for (var e : s.shares().entrySet()) {
				b.append(i++ == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
			}
		}
		return b.toString();
	}

	/** The reverse of {@link #format}. */
	public static List<Segment> parse(String text) {
		List<Segment> out = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		for (String seg : text.split(";")) {
			int colon = seg.indexOf(':');
			Map<Long, Integer> m = new TreeMap<>();
			for (String pair : seg.substring(colon + 1).split(",")) {
				int eq = pair.indexOf('=');
				m.put(Long.parseLong(pair.substring(0, eq)), Integer.parseInt(pair.substring(eq + 1)));
			}
			out.add(new Segment(LocalDate.parse(seg.substring(0, colon)), m));
		}
		return out;
	}
}
