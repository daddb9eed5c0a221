package cn.zhaoshang.chain.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Header;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Local;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainData.Milestone;
import cn.zhaoshang.chain.internal.ChainData.Target;
import cn.zhaoshang.chain.internal.ChainData.TargetRecord;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of the chain module: chain headers (table industry_chain), links, local enterprises, targets and their
 * records, editors and milestones. Every update checks the version (a stale one is a 409).
 */
@Component
public class ChainStore {

	private final JdbcClient jdbc;

	ChainStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- chains

	public Optional<Header> header(long id) {
		return jdbc.sql("SELECT id, code, name, name_en, director_person_id, lead_unit_id, strategy, version"
				+ " FROM industry_chain WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getInt(8)))
			.optional();
	}

	public List<Header> headers() {
		return jdbc.sql("SELECT id, code, name, name_en, director_person_id, lead_unit_id, strategy, version"
				+ " FROM industry_chain ORDER BY sort_order, id")
			.query((rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7), rs.getInt(8)))
			.list();
	}

	void updateHeader(long id, Long directorId, Long leadUnitId, String strategy, int version) {
		int n = jdbc.sql("UPDATE industry_chain SET director_person_id = :d, lead_unit_id = :u, strategy = :s,"
				+ " version = version + 1 WHERE id = :id AND version = :v")
			.param("d", directorId)
			.param("u", leadUnitId)
			.param("s", strategy)
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "chain", id);
	}

	void touchChain(long id) {
		jdbc.sql("UPDATE industry_chain SET version = version + 1 WHERE id = :id").param("id", id).update();
	}

	public List<Long> editors(long chainId) {
		return jdbc.sql("SELECT user_id FROM chain_editor WHERE chain_id = :c ORDER BY user_id")
			.param("c", chainId)
			.query(Long.class)
			.list();
	}

	public boolean isEditor(long chainId, long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM chain_editor WHERE chain_id = :c AND user_id = :u")
			.param("c", chainId)
			.param("u", userId)
			.query(Long.class)
			.single() > 0;
	}

	public List<Long> chainsEditedBy(long userId) {
		return jdbc.sql("SELECT chain_id FROM chain_editor WHERE user_id = :u ORDER BY chain_id")
			.param("u", userId)
			.query(Long.class)
			.list();
	}

	void replaceEditors(long chainId, Collection<Long> userIds) {
		jdbc.sql("DELETE FROM chain_editor WHERE chain_id = :c").param("c", chainId).update();
		for (Long u : userIds) {
			jdbc.sql("INSERT INTO chain_editor (chain_id, user_id) VALUES (:c, :u)")
				.param("c", chainId)
				.param("u", u)
				.update();
		}
	}

	/** An enabled account by its sign-in name: id and display name. */
	public record Account(long id, String username, String displayName, String role) {
	}

	public Optional<Account> account(String username) {
		return jdbc.sql("SELECT id, username, display_name, role FROM app_user WHERE username = :u AND enabled")
			.param("u", username)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The chain's editors with their names. */
	public List<Account> editorAccounts(long chainId) {
		return jdbc.sql("SELECT u.id, u.username, u.display_name, u.role FROM chain_editor e"
				+ " JOIN app_user u ON u.id = e.user_id WHERE e.chain_id = :c ORDER BY u.display_name, u.username")
			.param("c", chainId)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	// ---- links

	private static final String LINK = "SELECT id, chain_id, name, link_position, sort_order, products, technologies,"
			+ " gap, version FROM chain_link";

	public Optional<Link> link(long id) {
		return jdbc.sql(LINK + " WHERE id = :id").param("id", id).query(ChainStore::link).optional();
	}

	/** The chain's links upstream to downstream, then by their order. */
	public List<Link> links(long chainId) {
		return jdbc.sql(LINK + " WHERE chain_id = :c ORDER BY CASE link_position WHEN 'UPSTREAM' THEN 0"
				+ " WHEN 'MIDSTREAM' THEN 1 ELSE 2 END, sort_order, id")
			.param("c", chainId)
			.query(ChainStore::link)
			.list();
	}

	boolean linkNameTaken(long chainId, String name, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM chain_link WHERE chain_id = :c AND name = :n AND id <> :id")
			.param("c", chainId)
			.param("n", name)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insertLink(long chainId, LinkInput in, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version,
				  created_at, updated_at)
				VALUES (:c, :name, :pos, :sort, :products, :tech, :gap, 0, :now, :now)""")
			.param("c", chainId)
			.param("name", in.name())
			.param("pos", in.position().name())
			.param("sort", in.sortOrder())
			.param("products", in.products())
			.param("tech", in.technologies())
			.param("gap", in.gap().name())
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateLink(long id, LinkInput in, int version, Instant now) {
		int n = jdbc.sql("""
				UPDATE chain_link SET name = :name, link_position = :pos, sort_order = :sort, products = :products,
				  technologies = :tech, gap = :gap, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :v""")
			.param("name", in.name())
			.param("pos", in.position().name())
			.param("sort", in.sortOrder())
			.param("products", in.products())
			.param("tech", in.technologies())
			.param("gap", in.gap().name())
			.param("now", utc(now))
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "chain link", id);
	}

	void deleteLink(long id, int version) {
		jdbc.sql("DELETE FROM chain_target_record WHERE target_id IN (SELECT id FROM chain_target WHERE link_id = :id)")
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM chain_target WHERE link_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM chain_local_enterprise WHERE link_id = :id").param("id", id).update();
		int n = jdbc.sql("DELETE FROM chain_link WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "chain link", id);
	}

	static Link link(ResultSet rs, int n) throws SQLException {
		return new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), LinkPosition.valueOf(rs.getString(4)),
				rs.getInt(5), rs.getString(6), rs.getString(7), GapRating.valueOf(rs.getString(8)), rs.getInt(9));
	}

	// ---- local enterprises

	private static final String LOCAL = "SELECT id, link_id, merchant_id, strength, leading_firm, central_soe,"
			+ " provincial_soe, backbone_affiliate, note, version FROM chain_local_enterprise"
			// a row parked by an enterprise merge (its link keeps the survivor's row) is not shown
			+ " WHERE merged_into_id IS NULL";

	public Optional<Local> local(long id) {
		return jdbc.sql(LOCAL + " AND id = :id").param("id", id).query(ChainStore::local).optional();
	}

	/** The local enterprises of these links, strongest first. */
	public List<Local> locals(Collection<Long> linkIds) {
		if (linkIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(LOCAL + " AND link_id IN (:ids) ORDER BY link_id, CASE strength WHEN 'STRONG' THEN 0"
				+ " WHEN 'AVERAGE' THEN 1 ELSE 2 END, id")
			.param("ids", linkIds)
			.query(ChainStore::local)
			.list();
	}

	/**
	 * How many local enterprises each of these links has (the chain map's counts): counted by the database, so the
	 * map does not read thousands of rows to count them.
	 */
	public Map<Long, Long> localCounts(Collection<Long> linkIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (linkIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT link_id, COUNT(*) FROM chain_local_enterprise WHERE link_id IN (:ids) GROUP BY link_id")
			.param("ids", linkIds)
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return counts;
	}

	boolean localExists(long linkId, long merchantId, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM chain_local_enterprise WHERE link_id = :l AND merchant_id = :m"
				+ " AND id <> :id")
			.param("l", linkId)
			.param("m", merchantId)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insertLocal(long linkId, LocalInput in, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_local_enterprise (link_id, merchant_id, strength, leading_firm, central_soe,
				  provincial_soe, backbone_affiliate, note, version, created_at, updated_at)
				VALUES (:l, :m, :s, :a, :b, :c, :d, :note, 0, :now, :now)""")
			.param("l", linkId)
			.param("m", in.merchantId())
			.param("s", in.strength().name())
			.param("a", in.marks().leading())
			.param("b", in.marks().centralSoe())
			.param("c", in.marks().provincialSoe())
			.param("d", in.marks().backboneAffiliate())
			.param("note", in.note())
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateLocal(long id, LocalInput in, int version, Instant now) {
		int n = jdbc.sql("""
				UPDATE chain_local_enterprise SET strength = :s, leading_firm = :a, central_soe = :b,
				  provincial_soe = :c, backbone_affiliate = :d, note = :note, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :v""")
			.param("s", in.strength().name())
			.param("a", in.marks().leading())
			.param("b", in.marks().centralSoe())
			.param("c", in.marks().provincialSoe())
			.param("d", in.marks().backboneAffiliate())
			.param("note", in.note())
			.param("now", utc(now))
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "local enterprise", id);
	}

	void deleteLocal(long id, int version) {
		int n = jdbc.sql("DELETE FROM chain_local_enterprise WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "local enterprise", id);
	}

	static Local local(ResultSet rs, int n) throws SQLException {
		return new Local(rs.getLong(1), rs.getLong(2), rs.getLong(3), EnterpriseStrength.valueOf(rs.getString(4)),
				new Marks(rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)), rs.getString(9),
				rs.getInt(10));
	}

	// ---- targets

	private static final String TARGET = "SELECT id, link_id, merchant_id, priority, reason, tracker_unit_id,"
			+ " tracker_person_id, status, leading_firm, central_soe, provincial_soe, backbone_affiliate, version,"
			+ " created_by, created_at FROM chain_target WHERE merged_into_id IS NULL";

	public Optional<Target> target(long id) {
		return jdbc.sql(TARGET + " AND id = :id").param("id", id).query(ChainStore::target).optional();
	}

	/** The targets of these links, most urgent first. */
	public List<Target> targets(Collection<Long> linkIds) {
		if (linkIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(TARGET + " AND link_id IN (:ids) ORDER BY link_id, CASE priority WHEN 'HIGH' THEN 0"
				+ " WHEN 'MEDIUM' THEN 1 ELSE 2 END, id")
			.param("ids", linkIds)
			.query(ChainStore::target)
			.list();
	}

	boolean targetExists(long linkId, long merchantId) {
		return jdbc.sql("SELECT COUNT(*) FROM chain_target WHERE link_id = :l AND merchant_id = :m")
			.param("l", linkId)
			.param("m", merchantId)
			.query(Long.class)
			.single() > 0;
	}

	long insertTarget(long linkId, TargetInput in, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, tracker_person_id,
				  status, leading_firm, central_soe, provincial_soe, backbone_affiliate, version, created_by, created_at,
				  updated_at)
				VALUES (:l, :m, :p, :r, :u, :person, :status, :a, :b, :c, :d, 0, :by, :now, :now)""")
			.param("l", linkId)
			.param("m", in.merchantId())
			.param("p", in.priority().name())
			.param("r", in.reason())
			.param("u", in.trackerUnitId())
			.param("person", in.trackerPersonId())
			.param("status", in.status().name())
			.param("a", in.marks().leading())
			.param("b", in.marks().centralSoe())
			.param("c", in.marks().provincialSoe())
			.param("d", in.marks().backboneAffiliate())
			.param("by", by)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateTarget(long id, TargetInput in, int version, Instant now) {
		int n = jdbc.sql("""
				UPDATE chain_target SET priority = :p, reason = :r, tracker_unit_id = :u, tracker_person_id = :person,
				  status = :status, leading_firm = :a, central_soe = :b, provincial_soe = :c, backbone_affiliate = :d,
				  version = version + 1, updated_at = :now
				WHERE id = :id AND version = :v""")
			.param("p", in.priority().name())
			.param("r", in.reason())
			.param("u", in.trackerUnitId())
			.param("person", in.trackerPersonId())
			.param("status", in.status().name())
			.param("a", in.marks().leading())
			.param("b", in.marks().centralSoe())
			.param("c", in.marks().provincialSoe())
			.param("d", in.marks().backboneAffiliate())
			.param("now", utc(now))
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "target", id);
	}

	void touchTarget(long id, Instant now) {
		jdbc.sql("UPDATE chain_target SET version = version + 1, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", utc(now))
			.update();
	}

	void deleteTarget(long id, int version) {
		jdbc.sql("DELETE FROM chain_target_record WHERE target_id = :id").param("id", id).update();
		int n = jdbc.sql("DELETE FROM chain_target WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "target", id);
	}

	static Target target(ResultSet rs, int n) throws SQLException {
		return new Target(rs.getLong(1), rs.getLong(2), rs.getLong(3), TargetPriority.valueOf(rs.getString(4)),
				rs.getString(5), rs.getLong(6), rs.getObject(7, Long.class), TargetStatus.valueOf(rs.getString(8)),
				new Marks(rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12)), rs.getInt(13),
				rs.getString(14), instant(rs, 15));
	}

	/** The clues and projects linked to these targets. */
	public List<TargetRecord> records(Collection<Long> targetIds) {
		if (targetIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT target_id, kind, record_id FROM chain_target_record WHERE target_id IN (:ids)"
				+ " ORDER BY target_id, kind, record_id")
			.param("ids", targetIds)
			.query((rs, n) -> new TargetRecord(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	boolean addRecord(long targetId, String kind, long recordId) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM chain_target_record WHERE target_id = :t AND kind = :k"
				+ " AND record_id = :r")
			.param("t", targetId)
			.param("k", kind)
			.param("r", recordId)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		jdbc.sql("INSERT INTO chain_target_record (target_id, kind, record_id) VALUES (:t, :k, :r)")
			.param("t", targetId)
			.param("k", kind)
			.param("r", recordId)
			.update();
		return true;
	}

	boolean removeRecord(long targetId, String kind, long recordId) {
		return jdbc.sql("DELETE FROM chain_target_record WHERE target_id = :t AND kind = :k AND record_id = :r")
			.param("t", targetId)
			.param("k", kind)
			.param("r", recordId)
			.update() > 0;
	}

	// ---- milestones

	private static final String MILESTONE = "SELECT id, chain_id, plan_year, text, status, version FROM chain_milestone";

	public Optional<Milestone> milestone(long id) {
		return jdbc.sql(MILESTONE + " WHERE id = :id").param("id", id).query(ChainStore::milestone).optional();
	}

	public List<Milestone> milestones(long chainId) {
		return jdbc.sql(MILESTONE + " WHERE chain_id = :c ORDER BY plan_year, id")
			.param("c", chainId)
			.query(ChainStore::milestone)
			.list();
	}

	long insertMilestone(long chainId, MilestoneInput in, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_milestone (chain_id, plan_year, text, status, version, created_at, updated_at)
				VALUES (:c, :y, :t, :s, 0, :now, :now)""")
			.param("c", chainId)
			.param("y", in.year())
			.param("t", in.text())
			.param("s", in.status().name())
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateMilestone(long id, MilestoneInput in, int version, Instant now) {
		int n = jdbc.sql("""
				UPDATE chain_milestone SET plan_year = :y, text = :t, status = :s, version = version + 1,
				  updated_at = :now WHERE id = :id AND version = :v""")
			.param("y", in.year())
			.param("t", in.text())
			.param("s", in.status().name())
			.param("now", utc(now))
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "milestone", id);
	}

	void deleteMilestone(long id, int version) {
		int n = jdbc.sql("DELETE FROM chain_milestone WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update();
		stale(n, "milestone", id);
	}

	static Milestone milestone(ResultSet rs, int n) throws SQLException {
		return new Milestone(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
				MilestoneStatus.valueOf(rs.getString(5)), rs.getInt(6));
	}

	// ---- helpers

	private static void stale(int updated, String what, long id) {
		if (updated == 0) {
			throw new OptimisticLockingFailureException(what + " " + id + " changed meanwhile");
		}
	}

	private static OffsetDateTime utc(Instant now) {
		return now.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
