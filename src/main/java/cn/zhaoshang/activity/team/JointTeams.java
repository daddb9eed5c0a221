package cn.zhaoshang.activity.team;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint government-enterprise teams (政企联合招商小分队, clause X: one department-level cadre and one enterprise
 * head): the anchor enterprise and the upstream and downstream enterprises they chase. Every internal role reads;
 * the owning unit's editors and the city bureau write; every write audited as {@code joint_team}.
 */
@Service
public class JointTeams {

	public static final String RECORD = "joint_team";

	public record TargetInput(Long merchantId, TargetDirection direction) {
	}

	public record Input(String name, Long unitId, Long cadrePersonId, String enterpriseHead, Long anchorMerchantId,
			List<TargetInput> targets, String note, Integer version) {
	}

	public record Target(long merchantId, String merchantName, TargetDirection direction) {
	}

	public record JointTeam(long id, String name, long unitId, String unitName, long cadrePersonId, String cadreName,
			String cadreTitle, String enterpriseHead, long anchorMerchantId, String anchorName, String note,
			int version, List<Target> targets) {
	}

	private static final String SELECT = """
			SELECT j.id, j.name, j.unit_id, u.name AS unit_name, j.cadre_person_id, p.name AS cadre_name,
			       p.title AS cadre_title, j.enterprise_head, j.anchor_merchant_id, m.name AS anchor_name, j.note,
			       j.version
			FROM joint_team j JOIN unit u ON u.id = j.unit_id JOIN person p ON p.id = j.cadre_person_id
			JOIN merchant m ON m.id = j.anchor_merchant_id""";

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final DataScopes scopes;
	private final Clock clock;

	JointTeams(JdbcClient jdbc, Auditor auditor, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.scopes = scopes;
		this.clock = clock;
	}

	public List<JointTeam> all(String q, Long unit) {
		var where = cn.zhaoshang.platform.list.SqlFilter.where()
			.containsIgnoringCase("q", q == null || q.isBlank() ? null : q.strip(), "j.name", "m.name", "p.name",
					"j.enterprise_head")
			.eq("j.unit_id", "unit", unit);
		return jdbc.sql(SELECT + where.sql() + " ORDER BY u.sort_order, j.name, j.id")
			.params(where.params())
			.query((rs, n) -> row(rs, List.of()))
			.list()
			.stream()
			.map(j -> withTargets(j))
			.toList();
	}

	public JointTeam get(long id) {
		return withTargets(jdbc.sql(SELECT + " WHERE j.id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs, List.of()))
			.optional()
			.orElseThrow(NotFoundException::new));
	}

	public boolean canEdit(long unit, CurrentUser user) {
		return user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unit));
	}

	@Transactional
	public JointTeam create(Input in, CurrentUser user) {
		Input c = check(in, user);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO joint_team (name, unit_id, cadre_person_id, enterprise_head, anchor_merchant_id, note,
				    version, created_by, updated_by, created_at, updated_at)
				VALUES (:name, :unit, :cadre, :head, :anchor, :note, 0, :by, :by, :now, :now)""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeTargets(id, c.targets());
		JointTeam saved = get(id);
		auditor.record(RECORD, id, "CREATE", saved.name(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public JointTeam update(long id, Input in, CurrentUser user) {
		JointTeam before = get(id);
		Checks.requireEditable(scopes.of(user), before.unitId());
		Input c = check(in, user);
		Checks.requireOne(jdbc.sql("""
				UPDATE joint_team SET name = :name, unit_id = :unit, cadre_person_id = :cadre, enterprise_head = :head,
				    anchor_merchant_id = :anchor, note = :note, version = version + 1, updated_by = :by,
				    updated_at = :now
				WHERE id = :id AND version = :v""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.param("id", id)
			.param("v", in.version() == null ? -1 : in.version())
			.update(), "joint team", id);
		jdbc.sql("DELETE FROM joint_team_target WHERE team_id = :id").param("id", id).update();
		writeTargets(id, c.targets());
		JointTeam after = get(id);
		auditor.record(RECORD, id, "UPDATE", after.name(), audit(before), audit(after));
		return after;
	}

	@Transactional
	public void delete(long id, Integer version, CurrentUser user) {
		JointTeam before = get(id);
		Checks.requireEditable(scopes.of(user), before.unitId());
		if (version == null || version != before.version()) {
			Checks.requireOne(0, "joint team", id);
		}
		jdbc.sql("DELETE FROM joint_team_target WHERE team_id = :id").param("id", id).update();
		Checks.requireOne(jdbc.sql("DELETE FROM joint_team WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update(), "joint team", id);
		auditor.record(RECORD, id, "DELETE", before.name(), audit(before), Map.of());
	}

	private Input check(Input in, CurrentUser user) {
		List<Violation> problems = new ArrayList<>();
		String name = Checks.text("name", in.name(), 200, true, problems);
		String head = Checks.text("enterpriseHead", in.enterpriseHead(), 50, true, problems);
		String note = Checks.text("note", in.note(), 2000, false, problems);
		Checks.required("cadrePersonId", in.cadrePersonId(), problems);
		Checks.ids(jdbc, "cadrePersonId", "person", in.cadrePersonId() == null ? List.of()
				: List.of(in.cadrePersonId()), problems);
		Checks.required("anchorMerchantId", in.anchorMerchantId(), problems);
		Checks.ids(jdbc, "anchorMerchantId", "merchant", in.anchorMerchantId() == null ? List.of()
				: List.of(in.anchorMerchantId()), problems);
		List<TargetInput> targets = in.targets() == null ? List.of() : in.targets();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < targets.size(); i++) {
			TargetInput t = targets.get(i);
			if (t == null || t.merchantId() == null || t.direction() == null) {
				problems.add(new Violation("targets[" + i + "].merchantId", "activity.rule.required"));
			}
			else if (!seen.add(t.merchantId()) || t.merchantId().equals(in.anchorMerchantId())) {
				problems.add(new Violation("targets[" + i + "].merchantId", "team.rule.targetTwice"));
			}
		}
		Checks.ids(jdbc, "targets", "merchant", seen, problems);
		Checks.editableUnit(jdbc, "unitId", in.unitId(), scopes.of(user), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Input(name, in.unitId(), in.cadrePersonId(), head, in.anchorMerchantId(), targets, note,
				in.version());
	}

	private static Map<String, Object> params(Input c) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("name", c.name());
		p.put("unit", c.unitId());
		p.put("cadre", c.cadrePersonId());
		p.put("head", c.enterpriseHead());
		p.put("anchor", c.anchorMerchantId());
		p.put("note", c.note());
		return p;
	}

	private void writeTargets(long id, List<TargetInput> targets) {
		for (TargetInput t : targets) {
			jdbc.sql("INSERT INTO joint_team_target (team_id, merchant_id, direction) VALUES (:t, :m, :d)")
				.param("t", id)
				.param("m", t.merchantId())
				.param("d", t.direction().name())
				.update();
		}
	}

	private JointTeam withTargets(JointTeam j) {
		List<Target> targets = jdbc.sql("""
				SELECT t.merchant_id, m.name, t.direction FROM joint_team_target t JOIN merchant m ON m.id = t.merchant_id
				WHERE t.team_id = :id ORDER BY t.direction DESC, m.name""")
			.param("id", j.id())
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), TargetDirection.valueOf(rs.getString(3))))
			.list();
		return new JointTeam(j.id(), j.name(), j.unitId(), j.unitName(), j.cadrePersonId(), j.cadreName(),
				j.cadreTitle(), j.enterpriseHead(), j.anchorMerchantId(), j.anchorName(), j.note(), j.version(),
				targets);
	}

	private static JointTeam row(java.sql.ResultSet rs, List<Target> targets) throws java.sql.SQLException {
		return new JointTeam(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getLong("cadre_person_id"), rs.getString("cadre_name"), rs.getString("cadre_title"),
				rs.getString("enterprise_head"), rs.getLong("anchor_merchant_id"), rs.getString("anchor_name"),
				rs.getString("note"), rs.getInt("version"), targets);
	}

	private static Map<String, Object> audit(JointTeam j) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", j.name());
		m.put("unitId", j.unitId());
		m.put("cadrePersonId", j.cadrePersonId());
		m.put("enterpriseHead", j.enterpriseHead());
		m.put("anchorMerchantId", j.anchorMerchantId());
		m.put("targets", j.targets().stream().map(t -> t.direction().name() + ":" + t.merchantId()).toList()
			.toString());
		m.put("note", j.note());
		return m;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
