package cn.zhaoshang.service.site;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of land parcels and factories: register and change them (a unit its own, the city bureau all),
 * reserve one for a project and release it, and move a reserved one on (allocated and built; let or sold). Each
 * write checks the user's data scope and is audited in the same transaction.
 */
@Service
public class Sites {

	private final SiteStore store;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final Clock clock;

	Sites(SiteStore store, DataScopes scopes, Auditor auditor, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.scopes = scopes;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the user's role may keep land and factories at all (their unit's, or all for the bureau). */
	public static boolean editorRole(CurrentUser user) {
		return user != null && (user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR
				|| user.role() == Role.UNIT_MANAGER || user.role() == Role.UNIT_STAFF);
	}

	public boolean canEdit(CurrentUser user, long unitId) {
		return editorRole(user) && scopes.of(user).canEdit(new UnitId(unitId));
	}

	// ---- reading (404 when the user may not read it)

	/** A record of the kind, typed as the caller reads it (404 when missing or out of the user's scope). */
	public <S extends Site> S read(SiteKind kind, long id, CurrentUser user) {
		S site = store.<S>find(kind, id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(new UnitId(site.unitId()))) {
			throw new NotFoundException();
		}
		return site;
	}

	public LandParcel parcel(long id, CurrentUser user) {
		return read(SiteKind.LAND, id, user);
	}

	public Factory factory(long id, CurrentUser user) {
		return read(SiteKind.FACTORY, id, user);
	}

	/** A ledger project as matching reads it, if the user may read it (404 otherwise). */
	public SiteProject project(long id, CurrentUser user) {
		SiteProject p = findProject(id).orElseThrow(NotFoundException::new);
		DataScope scope = scopes.of(user);
		if (!scope.canRead(new UnitId(p.unitId()))) {
			throw new NotFoundException();
		}
		return p;
	}

	Optional<SiteProject> findProject(long id) {
		return jdbc.sql("""
				SELECT p.id, p.code, p.name, p.unit_id, u.name AS unit_name, p.chain_id, p.land_need_mu,
				  p.factory_need_m2, p.stage, p.status, p.signed_date
				FROM project p JOIN unit u ON u.id = p.unit_id WHERE p.id = :id""")
			.param("id", id)
			.query((rs, n) -> new SiteProject(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("chain_id"),
					rs.getBigDecimal("land_need_mu"), rs.getBigDecimal("factory_need_m2"), rs.getString("stage"),
					rs.getString("status"), rs.getObject("signed_date", LocalDate.class)))
			.optional();
	}

	// ---- writing

	@Transactional
	public long create(SiteKind kind, SiteInput in, CurrentUser user) {
		check(in, user);
		long id = store.insert(kind, in);
		Site created = store.find(kind, id).orElseThrow();
		auditor.record(kind.auditEntity(), id, "CREATE", created.name(), Map.of(), created.facts());
		return id;
	}

	@Transactional
	public <S extends Site> S update(SiteKind kind, long id, int version, SiteInput in, CurrentUser user) {
		Site before = editable(kind, id, user);
		check(in, user);
		store.update(kind, id, version, in);
		S after = store.<S>find(kind, id).orElseThrow();
		auditor.record(kind.auditEntity(), id, "UPDATE", after.name(), before.facts(), after.facts());
		return after;
	}

	/** Reserves an available parcel or factory for a project: it leaves the available stock. */
	@Transactional
	public <S extends Site> S reserve(SiteKind kind, long id, Integer version, long projectId, CurrentUser user) {
		Site before = editable(kind, id, user);
		SiteProject project = reservable(projectId, user);
		if (!"AVAILABLE".equals(before.status().name())) {
			throw new BusinessException(409, "site.rule.notAvailable");
		}
		store.status(kind, id, version == null ? before.version() : version, kind.status("RESERVED"), project.id(),
				LocalDate.now(clock));
		return audited(kind, id, "RESERVE", project.code(), before);
	}

	/** Releases a reserved parcel or factory back into the available stock. */
	@Transactional
	public <S extends Site> S release(SiteKind kind, long id, Integer version, CurrentUser user) {
		Site before = editable(kind, id, user);
		if (!"RESERVED".equals(before.status().name())) {
			throw new BusinessException(409, "site.rule.notReserved");
		}
		store.status(kind, id, version == null ? before.version() : version, kind.status("AVAILABLE"), null, null);
		return audited(kind, id, "RELEASE", null, before);
	}

	/** Moves a reserved one on: a parcel allocated (supplied) to its project, then built; a factory let or sold. */
	@Transactional
	public <S extends Site> S advance(SiteKind kind, long id, Integer version, String to, CurrentUser user) {
		Enum<?> status = kind.status(to);
		Site before = editable(kind, id, user);
		if (!kind.canMove(before.status(), status)) {
			throw new FieldException("status", 409, "site.rule.statusMove");
		}
		store.status(kind, id, version == null ? before.version() : version, status, before.projectId(),
				before.reservedOn());
		return audited(kind, id, "ADVANCE", null, before);
	}

	/** The record after a move, audited (the project's code after the name when reserving). */
	private <S extends Site> S audited(SiteKind kind, long id, String action, String projectCode, Site before) {
		S after = store.<S>find(kind, id).orElseThrow();
		String label = projectCode == null ? after.name() : summary(after.name() + " / " + projectCode);
		auditor.record(kind.auditEntity(), id, action, label, before.facts(), after.facts());
		return after;
	}

	private Site editable(SiteKind kind, long id, CurrentUser user) {
		Site site = read(kind, id, user);
		if (!canEdit(user, site.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return site;
	}

	private void check(SiteInput in, CurrentUser user) {
		checkUnit(in.unitId(), user);
		List<Long> chains = in.chains();
		if (!chains.isEmpty()) {
			long known = jdbc.sql("SELECT COUNT(*) FROM industry_chain WHERE id IN (:ids)")
				.param("ids", chains)
				.query(Long.class)
				.single();
			if (known != chains.size()) {
				throw new FieldException("chainIds", "site.rule.chain");
			}
		}
	}

	private void checkUnit(Long unitId, CurrentUser user) {
		if (unitId == null || jdbc.sql("SELECT COUNT(*) FROM unit WHERE id = :id")
			.param("id", unitId)
			.query(Long.class)
			.single() == 0) {
			throw new FieldException("unitId", "site.rule.unit");
		}
		if (!canEdit(user, unitId)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** An audit summary fits its column (200). */
	static String summary(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "\u2026";
	}

	/** The project to reserve for: readable, active, with its facts (422 naming projectId otherwise). */
	private SiteProject reservable(long projectId, CurrentUser user) {
		SiteProject p = findProject(projectId).orElseThrow(() -> new FieldException("projectId", "site.rule.project"));
		if (!scopes.of(user).canRead(new UnitId(p.unitId())) || !"ACTIVE".equals(p.status())) {
			throw new FieldException("projectId", "site.rule.project");
		}
		return p;
	}
}
