package cn.zhaoshang.chain.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;

/** The rows the chain module keeps ({@link ChainStore} reads and writes them). */
public final class ChainData {

	private ChainData() {
	}

	/** A chain's header: director (person record), lead unit, strategy text. */
	public record Header(long id, String code, String name, String nameEn, Long directorId, Long leadUnitId,
			String strategy, int version) {

		public String name(boolean english) {
			return english ? nameEn : name;
		}
	}

	/** A link of a chain, ordered upstream to downstream. */
	public record Link(long id, long chainId, String name, LinkPosition position, int sortOrder, String products,
			String technologies, GapRating gap, int version) {

		Map<String, Object> audit() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", name);
			m.put("linkPosition", position.name());
			m.put("sortOrder", sortOrder);
			m.put("products", products);
			m.put("technologies", technologies);
			m.put("gap", gap.name());
			return m;
		}
	}

	/** The marks of clause I: leading enterprise 龙头企业, central SOE 央企, provincial SOE 省企, backbone affiliate. */
	public record Marks(boolean leading, boolean centralSoe, boolean provincialSoe, boolean backboneAffiliate) {

		public static final Marks NONE = new Marks(false, false, false, false);

		public boolean any() {
			return leading || centralSoe || provincialSoe || backboneAffiliate;
		}

		/** The marks set, as the audit trail and the lists name them. */
		public String codes() {
			StringBuilder s = new StringBuilder();
			append(s, leading, "LEADING");
			append(s, centralSoe, "CENTRAL_SOE");
			append(s, provincialSoe, "PROVINCIAL_SOE");
			append(s, backboneAffiliate, "BACKBONE_AFFILIATE");
			return s.toString();
		}

		private static void append(StringBuilder s, boolean set, String code) {
			if (set) {
				s.append(s.isEmpty() ? "" : ",").append(code);
			}
		}
	}

	/** A local enterprise of a link (from the merchant database) and its strength there. */
	public record Local(long id, long linkId, long merchantId, EnterpriseStrength strength, Marks marks, String note,
			int version) {

		Map<String, Object> audit(String merchantName) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("merchantName", merchantName);
			m.put("strength", strength.name());
			m.put("marks", marks.codes());
			m.put("note", note);
			return m;
		}
	}

	/** A target enterprise of a link: who chases it, why, how urgently and how far the chase has come. */
	public record Target(long id, long linkId, long merchantId, TargetPriority priority, String reason,
			long trackerUnitId, Long trackerPersonId, TargetStatus status, Marks marks, int version, String createdBy,
			Instant createdAt) {

		Map<String, Object> audit(String merchantName) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("merchantName", merchantName);
			m.put("priority", priority.name());
			m.put("reason", reason);
			m.put("trackerUnitId", trackerUnitId);
			m.put("trackerPersonId", trackerPersonId);
			m.put("status", status.name());
			m.put("marks", marks.codes());
			return m;
		}
	}

	/** A clue or project a target led to. */
	public record TargetRecord(long targetId, String kind, long recordId) {
	}

	/** A yearly milestone of a chain's roadmap. */
	public record Milestone(long id, long chainId, int year, String text, MilestoneStatus status, int version) {

		Map<String, Object> audit() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("year", year);
			m.put("text", text);
			m.put("status", status.name());
			return m;
		}
	}
}
