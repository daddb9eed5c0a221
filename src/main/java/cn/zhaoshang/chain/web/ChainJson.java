package cn.zhaoshang.chain.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.ChainRecord;
import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.StageFigure;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainData.Milestone;
import cn.zhaoshang.chain.internal.ChainQueries;

/** The JSON shapes of the chain API. */
final class ChainJson {

	private ChainJson() {
	}

	record LinkJson(long id, String name, LinkPosition position, GapRating gap, int sortOrder, String products,
			String technologies, int version, long localEnterprises, long targets, long clues, long projects,
			Map<String, Long> targetsByStatus, Map<String, Long> cluesByStatus, Map<String, Long> projectsByStage) {

		static LinkJson of(ChainQueries.LinkCard c) {
			var l = c.link();
			Map<String, Long> targets = new LinkedHashMap<>();
			c.targetsByStatus().forEach((k, v) -> targets.put(k.name(), v));
			return new LinkJson(l.id(), l.name(), l.position(), l.gap(), l.sortOrder(), l.products(),
					l.technologies(), l.version(), c.locals(), c.targets(), c.count("clue"), c.count("project"),
					targets, stages(c.records(), "clue"), stages(c.records(), "project"));
		}
	}

	static Map<String, Long> stages(List<ChainQueries.KindCounts> kinds, String kind) {
		Map<String, Long> m = new LinkedHashMap<>();
		kinds.stream()
			.filter(k -> k.kind().equals(kind))
			.flatMap(k -> k.stages().stream())
			.forEach(s -> m.put(s.stage(), s.count()));
		return m;
	}

	record ChainDetail(long id, String code, String name, String nameEn, Long directorId, String directorName,
			Long leadUnitId, String leadUnitName, String strategy, int version, boolean editable,
			List<String> editors, List<LinkJson> links) {

		static ChainDetail of(ChainQueries.ChainMap map) {
			var h = map.head().header();
			return new ChainDetail(h.id(), h.code(), h.name(), h.nameEn(), h.directorId(), map.head().directorName(),
					h.leadUnitId(), map.head().leadUnitName(), h.strategy(), h.version(), map.head().editable(),
					map.head().editors().stream().map(a -> a.username()).toList(),
					map.links().stream().map(LinkJson::of).toList());
		}
	}

	record MarksJson(boolean leading, boolean centralSoe, boolean provincialSoe, boolean backboneAffiliate) {

		static MarksJson of(Marks m) {
			return new MarksJson(m.leading(), m.centralSoe(), m.provincialSoe(), m.backboneAffiliate());
		}
	}

	record LocalJson(long id, long merchantId, String merchantName, EnterpriseStrength strength, MarksJson marks,
			String note, int version) {

		static LocalJson of(ChainQueries.LocalRow r) {
			var l = r.local();
			return new LocalJson(l.id(), l.merchantId(), r.enterprise().name(), l.strength(), MarksJson.of(l.marks()),
					l.note(), l.version());
		}
	}

	record RecordJson(String kind, long id, String title, String stage, BigDecimal amount, boolean key) {

		static RecordJson of(ChainRecord r) {
			return new RecordJson(r.kind(), r.id(), r.title(), r.stage(), r.amount(), r.key());
		}
	}

	record TargetJson(long id, long linkId, long merchantId, String merchantName, TargetPriority priority,
			String reason, long trackerUnitId, String trackerUnitName, Long trackerPersonId,
			String trackerPersonName, TargetStatus status, MarksJson marks, int version, List<RecordJson> records) {

		static TargetJson of(ChainQueries.TargetRow r) {
			var t = r.target();
			return new TargetJson(t.id(), t.linkId(), t.merchantId(), r.enterprise().name(), t.priority(), t.reason(),
					t.trackerUnitId(), r.trackerUnitName(), t.trackerPersonId(), r.trackerPersonName(), t.status(),
					MarksJson.of(t.marks()), t.version(), r.records().stream().map(RecordJson::of).toList());
		}
	}

	record LinkDetailJson(long id, long chainId, String name, LinkPosition position, GapRating gap, int sortOrder,
			String products, String technologies, int version, boolean editable,
			List<LocalJson> localEnterprises, List<TargetJson> targets) {

		static LinkDetailJson of(ChainQueries.LinkDetail d) {
			var l = d.link();
			return new LinkDetailJson(l.id(), l.chainId(), l.name(), l.position(), l.gap(), l.sortOrder(),
					l.products(), l.technologies(), l.version(), d.editable(),
					d.locals().stream().map(LocalJson::of).toList(), d.targets().stream().map(TargetJson::of).toList());
		}
	}

	record MilestoneJson(long id, int year, String text, MilestoneStatus status, int version) {

		static MilestoneJson of(Milestone m) {
			return new MilestoneJson(m.id(), m.year(), m.text(), m.status(), m.version());
		}
	}

	record StageJson(String stage, long count, BigDecimal amount) {

		static StageJson of(StageFigure f) {
			return new StageJson(f.stage(), f.count(), f.amount());
		}
	}

	record GapJson(long linkId, String name, LinkPosition position, GapRating gap) {
	}

	record BoardJson(long id, String name, String directorName, String leadUnitName, String strategy,
			List<GapJson> gaps, Map<String, Long> targetsByStatus, List<TargetJson> openTargets,
			List<StageJson> projectsByStage, BigDecimal contractedInvestment, List<StageJson> cluesByStatus,
			List<RecordJson> keyProjects, List<MilestoneJson> milestones) {

		static BoardJson of(ChainQueries.Board b) {
			var h = b.head().header();
			Map<String, Long> byStatus = new LinkedHashMap<>();
			b.targetsByStatus().forEach((k, v) -> byStatus.put(k.name(), v));
			return new BoardJson(h.id(), h.name(), b.head().directorName(), b.head().leadUnitName(), h.strategy(),
					b.gaps().stream().map(l -> new GapJson(l.id(), l.name(), l.position(), l.gap())).toList(),
					byStatus, b.openTargets().stream().map(TargetJson::of).toList(), figures(b, "project"),
					b.projectAmount(), figures(b, "clue"), b.keyProjects().stream().map(RecordJson::of).toList(),
					b.milestones().stream().map(MilestoneJson::of).toList());
		}

		private static List<StageJson> figures(ChainQueries.Board b, String kind) {
			return b.byStage()
				.stream()
				.filter(k -> k.kind().equals(kind))
				.flatMap(k -> k.stages().stream())
				.map(StageJson::of)
				.toList();
		}
	}
}
