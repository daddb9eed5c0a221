package cn.zhaoshang.chain.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.ChainRecord;
import cn.zhaoshang.chain.ChainRecords;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.StageFigure;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Header;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Local;
import cn.zhaoshang.chain.internal.ChainData.Milestone;
import cn.zhaoshang.chain.internal.ChainData.Target;
import cn.zhaoshang.chain.internal.ChainData.TargetRecord;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.Paging;

import org.springframework.stereotype.Service;

/**
 * The read models of the chain pages and API: a chain with its links and their counts (the chain map), a link with
 * its local enterprises and targets (the link list), and the chain director board. Clue and project figures come
 * through {@link ChainRecords} (implemented by the clue and project modules).
 */
@Service
public class ChainQueries {

	private final ChainAccess access;
	private final ChainStore store;
	private final Enterprises enterprises;
	private final People people;
	private final Units units;
	private final List<ChainRecords> records;

	ChainQueries(ChainAccess access, ChainStore store, Enterprises enterprises, People people, Units units,
			List<ChainRecords> records) {
		this.access = access;
		this.store = store;
		this.enterprises = enterprises;
		this.people = people;
		this.units = units;
		this.records = records;
	}

	/** A chain's header with the names of its director and lead unit. */
	public record ChainHead(Header header, String directorName, String leadUnitName, List<ChainStore.Account> editors,
			boolean editable) {

		/** The editors' sign-in names, comma separated (the editors form). */
		public String editorNames() {
			return String.join(", ", editors.stream().map(ChainStore.Account::username).toList());
		}
	}

	/** Counts of one kind of record by stage (in the provider's order). */
	public record KindCounts(String kind, List<StageFigure> stages) {

		public long total() {
			return stages.stream().mapToLong(StageFigure::count).sum();
		}

		public String kindKey() {
			return "chain.kind." + kind;
		}
	}

	/** A link on the chain map with its counts. */
	public record LinkCard(Link link, long locals, long targets, Map<TargetStatus, Long> targetsByStatus,
			List<KindCounts> records) {

		public long count(String kind) {
			return records.stream().filter(k -> k.kind().equals(kind)).mapToLong(KindCounts::total).sum();
		}
	}

	/** The chain map: the header and every link with its counts. */
	public record ChainMap(ChainHead head, List<LinkCard> links) {
	}

	/** A local enterprise row. */
	public record LocalRow(Local local, ChainEnterprise enterprise) {
	}

	/** A target row with its tracker's names and the clues and projects it led to. */
	public record TargetRow(Target target, ChainEnterprise enterprise, String trackerUnitName,
			String trackerPersonName, List<ChainRecord> records) {
	}

	/** A link's list: local enterprises and targets. */
	public record LinkDetail(Header chain, Link link, List<LocalRow> locals, List<TargetRow> targets,
			boolean editable) {
	}

	/**
	 * The chain director board; {@code openTargets} are the first open targets in the board's order (all of them for
	 * the API, the first {@link #BOARD_TARGETS} for the page) and {@code openTargetCount} is how many there are.
	 */
	public record Board(ChainHead head, List<Link> gaps, Map<TargetStatus, Long> targetsByStatus,
			List<TargetRow> openTargets, int openTargetCount, List<KindCounts> byStage, List<ChainRecord> keyProjects,
			List<Milestone> milestones) {

		/** Whether the board lists fewer open targets than there are (the rest: {@link ChainQueries#openTargets}). */
		public boolean moreTargets() {
			return openTargets.size() < openTargetCount;
		}

		public BigDecimal projectAmount() {
			return byStage.stream()
				.filter(k -> k.kind().equals("project"))
				.flatMap(k -> k.stages().stream())
				.map(StageFigure::amount)
				.filter(java.util.Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	public ChainHead head(long chainId, CurrentUser user) {
		Header h = access.chain(chainId);
		String director = h.directorId() == null ? null
				: people.summary(new PersonId(h.directorId())).map(People.PersonSummary::name).orElse(null);
		String unit = h.leadUnitId() == null ? null : unitNames().get(h.leadUnitId());
		return new ChainHead(h, director, unit, store.editorAccounts(chainId), access.canEdit(chainId, user));
	}

	/** Every chain with its head (the chains index). */
	public List<ChainHead> heads(CurrentUser user) {
		Map<Long, String> unitNames = unitNames();
		Map<Long, String> personNames = new HashMap<>();
		people.summaries().forEach(p -> personNames.put(p.id().value(), p.name()));
		return store.headers().stream()
			.map(h -> new ChainHead(h, h.directorId() == null ? null : personNames.get(h.directorId()),
					h.leadUnitId() == null ? null : unitNames.get(h.leadUnitId()), List.of(),
					access.canEdit(h.id(), user)))
			.toList();
	}

	public ChainMap map(long chainId, CurrentUser user) {
		ChainHead head = head(chainId, user);
		List<Link> links = store.links(chainId);
		List<Long> linkIds = links.stream().map(Link::id).toList();
		Map<Long, Long> locals = store.localCounts(linkIds);
		List<Target> targets = store.targets(linkIds);
		Map<Long, Long> linkOfTarget = targets.stream().collect(Collectors.toMap(Target::id, Target::linkId));
		List<TargetRecord> refs = store.records(linkOfTarget.keySet());
		// kind -> link -> stage -> count
		Map<String, Map<Long, Map<String, Long>>> counts = new HashMap<>();
		for (ChainRecords provider : records) {
			List<TargetRecord> mine = refs.stream().filter(r -> r.kind().equals(provider.kind())).toList();
			Map<Long, ChainRecord> found = provider.find(mine.stream().map(TargetRecord::recordId).distinct().toList(),
					user)
				.stream()
				.collect(Collectors.toMap(ChainRecord::id, Function.identity(), (a, b) -> a));
			Map<Long, Map<String, Long>> perLink = new HashMap<>();
			var seen = new java.util.HashSet<String>();
			for (TargetRecord r : mine) {
				ChainRecord rec = found.get(r.recordId());
				long link = linkOfTarget.get(r.targetId());
				if (rec != null && seen.add(link + ":" + rec.id())) {
					perLink.computeIfAbsent(link, k -> new HashMap<>()).merge(rec.stage(), 1L, Long::sum);
				}
			}
			counts.put(provider.kind(), perLink);
		}
		List<LinkCard> cards = new ArrayList<>();
		for (Link l : links) {
			Map<TargetStatus, Long> byStatus = new LinkedHashMap<>();
			for (TargetStatus s : TargetStatus.values()) {
				byStatus.put(s, 0L);
			}
			targets.stream().filter(t -> t.linkId() == l.id()).forEach(t -> byStatus.merge(t.status(), 1L, Long::sum));
			List<KindCounts> kinds = new ArrayList<>();
			for (ChainRecords provider : records) {
				Map<String, Long> stages = counts.get(provider.kind()).getOrDefault(l.id(), Map.of());
				kinds.add(new KindCounts(provider.kind(), provider.stages()
					.stream()
					.map(s -> new StageFigure(s, provider.stageKey(s), stages.getOrDefault(s, 0L), null))
					.toList()));
			}
			cards.add(new LinkCard(l, locals.getOrDefault(l.id(), 0L),
					byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus, kinds));
		}
		return new ChainMap(head, cards);
	}

	public LinkDetail link(long linkId, CurrentUser user) {
		Link l = access.link(linkId);
		Header h = access.chain(l.chainId());
		List<Local> locals = store.locals(List.of(linkId));
		List<Target> targets = store.targets(List.of(linkId));
		var ids = new java.util.HashSet<Long>();
		locals.forEach(x -> ids.add(x.merchantId()));
		targets.forEach(x -> ids.add(x.merchantId()));
		Map<Long, ChainEnterprise> found = enterprises.find(ids);
		return new LinkDetail(h, l,
				locals.stream().map(x -> new LocalRow(x, enterprise(found, x.merchantId()))).toList(),
				targetRows(targets, found, user), access.canEdit(l.chainId(), user));
	}

	/** The clues and projects of the target's enterprise the user may link (not yet linked). */
	public List<ChainRecord> linkable(Target t, List<ChainRecord> linked, CurrentUser user) {
		var have = linked.stream().map(r -> r.kind() + ":" + r.id()).collect(Collectors.toSet());
		List<ChainRecord> out = new ArrayList<>();
		for (ChainRecords provider : records) {
			provider.ofMerchant(t.merchantId(), user, 20)
				.stream()
				.filter(r -> !have.contains(r.kind() + ":" + r.id()))
				.forEach(out::add);
		}
		return out;
	}

	public TargetRow target(long targetId, CurrentUser user) {
		Target t = access.target(targetId);
		return targetRows(List.of(t), enterprises.find(List.of(t.merchantId())), user).get(0);
	}

	/** The board with every open target (the API). */
	public Board board(long chainId, CurrentUser user) {
		return board(chainId, user, Integer.MAX_VALUE);
	}

	/**
	 * The board listing the first {@code shown} open targets in the board's order (link, priority, id) and the count
	 * of all of them: the page lists {@link #BOARD_TARGETS} and links to {@link #openTargets} for the rest.
	 */
	public Board board(long chainId, CurrentUser user, int shown) {
		ChainHead head = head(chainId, user);
		List<Link> links = store.links(chainId);
		List<Target> targets = store.targets(links.stream().map(Link::id).toList());
		Map<TargetStatus, Long> byStatus = new LinkedHashMap<>();
		for (TargetStatus s : TargetStatus.values()) {
			byStatus.put(s, 0L);
		}
		targets.forEach(t -> byStatus.merge(t.status(), 1L, Long::sum));
		List<Target> all = open(targets);
		List<Target> open = all.subList(0, Math.min(shown, all.size()));
		List<KindCounts> byStage = new ArrayList<>();
		List<ChainRecord> key = new ArrayList<>();
		ChainId id = new ChainId(chainId);
		for (ChainRecords provider : records) {
			Map<String, StageFigure> figures = provider.byStage(id)
				.stream()
				.collect(Collectors.toMap(StageFigure::stage, Function.identity()));
			byStage.add(new KindCounts(provider.kind(), provider.stages()
				.stream()
				.map(s -> figures.getOrDefault(s, new StageFigure(s, provider.stageKey(s), 0, BigDecimal.ZERO)))
				.toList()));
			key.addAll(provider.keyRecords(id, user, 50));
		}
		return new Board(head, links.stream().filter(l -> l.gap() != GapRating.NONE).toList(), byStatus,
				targetRows(open, user), all.size(), byStage, key, store.milestones(chainId));
	}

	/** How many open targets the board page lists before its link to the full list. */
	public static final int BOARD_TARGETS = 50;

	/** One page of a chain's open targets in the board's order, with each link's name. */
	public record OpenTargets(ChainHead head, Map<Long, String> linkNames, Paging<TargetRow> rows) {
	}

	/** The chain's open targets, one page of them read in full (the board page's "all open targets"). */
	public OpenTargets openTargets(long chainId, CurrentUser user, int page, int size) {
		ChainHead head = head(chainId, user);
		List<Link> links = store.links(chainId);
		Paging<Target> p = Paging.of(open(store.targets(links.stream().map(Link::id).toList())), page, size);
		Map<Long, String> names = new HashMap<>();
		links.forEach(l -> names.put(l.id(), l.name()));
		return new OpenTargets(head, names, p.withItems(targetRows(p.items(), user)));
	}

	private static List<Target> open(List<Target> targets) {
		return targets.stream().filter(t -> t.status().isOpen()).toList();
	}

	private List<TargetRow> targetRows(List<Target> targets, CurrentUser user) {
		return targetRows(targets, enterprises.find(targets.stream().map(Target::merchantId).distinct().toList()),
				user);
	}

	public List<Milestone> milestones(long chainId) {
		access.chain(chainId);
		return store.milestones(chainId);
	}

	private List<TargetRow> targetRows(List<Target> targets, Map<Long, ChainEnterprise> found, CurrentUser user) {
		Map<Long, String> unitNames = unitNames();
		List<TargetRecord> refs = store.records(targets.stream().map(Target::id).toList());
		Map<String, ChainRecord> recs = new HashMap<>();
		for (ChainRecords provider : records) {
			provider.find(refs.stream().filter(r -> r.kind().equals(provider.kind())).map(TargetRecord::recordId)
				.distinct().toList(), user).forEach(r -> recs.put(r.kind() + ":" + r.id(), r));
		}
		Map<Long, String> personNames = new HashMap<>();
		return targets.stream().map(t -> {
			String person = t.trackerPersonId() == null ? null
					: personNames.computeIfAbsent(t.trackerPersonId(), pid -> people.summary(new PersonId(pid))
						.map(People.PersonSummary::name)
						.orElse(null));
			List<ChainRecord> linked = refs.stream()
				.filter(r -> r.targetId() == t.id())
				.map(r -> recs.get(r.kind() + ":" + r.recordId()))
				.filter(java.util.Objects::nonNull)
				.toList();
			return new TargetRow(t, enterprise(found, t.merchantId()), unitNames.get(t.trackerUnitId()), person,
					linked);
		}).toList();
	}

	private static ChainEnterprise enterprise(Map<Long, ChainEnterprise> found, long id) {
		ChainEnterprise e = found.get(id);
		return e != null ? e : new ChainEnterprise(id, "#" + id, null, null, null);
	}

	private Map<Long, String> unitNames() {
		Map<Long, String> names = new HashMap<>();
		for (UnitSummary u : units.all()) {
			names.put(u.id().value(), u.shortName() == null ? u.name() : u.shortName());
		}
		return names;
	}
}
