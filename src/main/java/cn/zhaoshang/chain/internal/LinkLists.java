package cn.zhaoshang.chain.internal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainQueries.LocalRow;
import cn.zhaoshang.chain.internal.ChainQueries.TargetRow;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.list.Sorting.Key;

/**
 * The search of a link's two lists (local enterprises, target enterprises) as the list pages and their exports apply
 * it. A link holds tens of enterprises whose names live in the merchant module ({@code ChainEnterprises}), so the
 * rows of {@link ChainQueries#link} are filtered and sorted here (the list kit's {@link Sorting#inMemory}: the same
 * column headers and {@code sort}/{@code dir} parameters as the SQL lists) and paged by the platform's
 * {@code Paging.of}. Without a sort the lists keep the link page's order: strongest enterprise, highest priority first.
 */
public final class LinkLists {

	private LinkLists() {
	}

	/** The local enterprises' filter: text in name, USCC or note; strength; one mark of clause I. */
	public record LocalFilter(String q, EnterpriseStrength strength, String mark) {

		public static LocalFilter none() {
			return new LocalFilter(null, null, null);
		}

		public boolean active() {
			return !blank(q) || strength != null || !blank(mark);
		}
	}

	/** The targets' filter: text in name, USCC, reason, tracker; status; priority; one mark of clause I. */
	public record TargetFilter(String q, TargetStatus status, TargetPriority priority, String mark) {

		public static TargetFilter none() {
			return new TargetFilter(null, null, null, null);
		}

		public boolean active() {
			return !blank(q) || status != null || priority != null || !blank(mark);
		}
	}

	/** A mark a list can be filtered by: its code as {@link Marks#codes()} names it, and its label's key. */
	public record Mark(String code, String messageKey) {
	}

	public static final List<Mark> MARKS = List.of(new Mark("LEADING", "chain.mark.leading"),
			new Mark("CENTRAL_SOE", "chain.mark.centralSoe"), new Mark("PROVINCIAL_SOE", "chain.mark.provincialSoe"),
			new Mark("BACKBONE_AFFILIATE", "chain.mark.backboneAffiliate"));

	/** A known mark's code, or null (an unknown one is ignored rather than finding nothing). */
	public static String mark(String code) {
		return MARKS.stream().map(Mark::code).filter(c -> c.equals(code)).findFirst().orElse(null);
	}

	/** Names in the order of the Chinese dictionary (pinyin), as people look them up; enterprise names are Chinese. */
	private static final Comparator<Object> NAMES = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);

	/** The local enterprises' sort: name, strength (strong first), the note. */
	public static final Sorting LOCAL_SORTING = Sorting.inMemory("strength", "name", "strength", "note")
		.ascendingFirst("name", "strength", "note");

	private static final Map<String, Key<LocalRow, ?>> LOCAL_KEYS = Map.of(
			"name", new Key<LocalRow, String>(r -> r.enterprise().name(), NAMES::compare),
			"strength", new Key<LocalRow, EnterpriseStrength>(r -> r.local().strength(), Comparator.naturalOrder()),
			"note", new Key<LocalRow, String>(r -> blank(r.local().note()) ? null : r.local().note(), NAMES::compare));

	/**
	 * The targets' sort: name, priority (high first), tracking unit, status (in the chase's order, identified
	 * first), the number of clues and projects it led to (most first).
	 */
	public static final Sorting TARGET_SORTING = Sorting.inMemory("priority", "name", "priority", "tracker", "status",
			"records").ascendingFirst("name", "priority", "tracker", "status");

	private static final Map<String, Key<TargetRow, ?>> TARGET_KEYS = Map.of(
			"name", new Key<TargetRow, String>(r -> r.enterprise().name(), NAMES::compare),
			"priority", new Key<TargetRow, TargetPriority>(r -> r.target().priority(), Comparator.naturalOrder()),
			"tracker", new Key<TargetRow, String>(TargetRow::trackerUnitName, NAMES::compare),
			"status", new Key<TargetRow, TargetStatus>(r -> r.target().status(), Comparator.naturalOrder()),
			"records", new Key<TargetRow, Integer>(r -> r.records().size(), Comparator.naturalOrder()));

	/** The local enterprises in the sort's order (ties by the row's id). */
	public static List<LocalRow> sortLocals(List<LocalRow> rows, Sorting.Sort sort) {
		return Sorting.sorted(rows, sort, LOCAL_KEYS, r -> r.local().id());
	}

	/** The targets in the sort's order (ties by the row's id). */
	public static List<TargetRow> sortTargets(List<TargetRow> rows, Sorting.Sort sort) {
		return Sorting.sorted(rows, sort, TARGET_KEYS, r -> r.target().id());
	}

	public static List<LocalRow> locals(List<LocalRow> rows, LocalFilter f) {
		List<LocalRow> out = new ArrayList<>();
		for (LocalRow r : rows) {
			if ((f.strength() == null || r.local().strength() == f.strength()) && marked(r.local().marks(), f.mark())
					&& contains(f.q(), r.enterprise().name(), r.enterprise().uscc(), r.local().note())) {
				out.add(r);
			}
		}
		return out;
	}

	public static List<TargetRow> targets(List<TargetRow> rows, TargetFilter f) {
		List<TargetRow> out = new ArrayList<>();
		for (TargetRow r : rows) {
			var t = r.target();
			if ((f.status() == null || t.status() == f.status()) && (f.priority() == null || t.priority() == f.priority())
					&& marked(t.marks(), f.mark()) && contains(f.q(), r.enterprise().name(), r.enterprise().uscc(),
							t.reason(), r.trackerUnitName(), r.trackerPersonName())) {
				out.add(r);
			}
		}
		return out;
	}

	static boolean marked(Marks marks, String mark) {
		return blank(mark) || List.of(marks.codes().split(",")).contains(mark);
	}

	static boolean contains(String q, String... texts) {
		if (blank(q)) {
			return true;
		}
		String needle = q.trim().toLowerCase(Locale.ROOT);
		return Stream.of(texts).anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(needle));
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
