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

	static final String PARCEL = "landParcel";

	static final String FACTORY = "factory";

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

	public LandParcel parcel(long id, CurrentUser user) {
		LandParcel p = store.parcel(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(new UnitId(p.unitId()))) {
			throw new NotFoundException();
		}
		return p;
	}

	public Factory factory(long id, CurrentUser user) {
		Factory f = store.factory(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(new UnitId(f.unitId()))) {
			throw new NotFoundException();
		}
		return f;
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

	// ---- land parcels

	@Transactional
	public long createParcel(ParcelInput in, CurrentUser user) {
		checkParcel(in, user);
		long id = store.insertParcel(in);
		LandParcel created = store.parcel(id).orElseThrow();
		auditor.record(PARCEL, id, "CREATE", created.name(), Map.of(), created.facts());
		return id;
	}

	@Transactional
	public LandParcel updateParcel(long id, int version, ParcelInput in, CurrentUser user) {
		LandParcel before = editableParcel(id, user);
		checkParcel(in, user);
		store.updateParcel(id, version, in);
		LandParcel after = store.parcel(id).orElseThrow();
		auditor.record(PARCEL, id, "UPDATE", after.name(), before.facts(), after.facts());
		return after;
	}

	/** Reserves an available parcel for a project: it leaves the available stock. */
	@Transactional
	public LandParcel reserveParcel(long id, Integer version, long projectId, CurrentUser user) {
		LandParcel before = editableParcel(id, user);
		SiteProject project = reservable(projectId, user);
		if (before.status() != ParcelStatus.AVAILABLE) {
			throw new BusinessException(409, "site.rule.notAvailable");
		}
		store.parcelStatus(id, version == null ? before.version() : version, ParcelStatus.RESERVED, project.id(),
				LocalDate.now(clock));
		LandParcel after = store.parcel(id).orElseThrow();
		auditor.record(PARCEL, id, "RESERVE", summary(after.name() + " / " + project.code()), before.facts(), after.facts());
		return after;
	}

	/** Releases a reserved parcel back into the available stock. */
	@Transactional
	public LandParcel releaseParcel(long id, Integer version, CurrentUser user) {
		LandParcel before = editableParcel(id, user);
		if (before.status() != ParcelStatus.RESERVED) {
			throw new BusinessException(409, "site.rule.notReserved");
		}
		store.parcelStatus(id, version == null ? before.version() : version, ParcelStatus.AVAILABLE, null, null);
		LandParcel after = store.parcel(id).orElseThrow();
		auditor.record(PARCEL, id, "RELEASE", after.name(), before.facts(), after.facts());
		return after;
	}

	/** Moves a reserved parcel on: allocated (supplied) to its project, then built. */
	@Transactional
	public LandParcel advanceParcel(long id, Integer version, ParcelStatus to, CurrentUser user) {
		LandParcel before = editableParcel(id, user);
		if (to == null || before.status().next() != to) {
			throw new FieldException("status", 409, "site.rule.statusMove");
		}
		store.parcelStatus(id, version == null ? before.version() : version, to, before.projectId(),
				before.reservedOn());
		LandParcel after = store.parcel(id).orElseThrow();
		auditor.record(PARCEL, id, "ADVANCE", after.name(), before.facts(), after.facts());
		return after;
	}

	private LandParcel editableParcel(long id, CurrentUser user) {
		LandParcel p = parcel(id, user);
		if (!canEdit(user, p.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return p;
	}

	private void checkParcel(ParcelInput in, CurrentUser user) {
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

	// ---- factories

	@Transactional
	public long createFactory(FactoryInput in, CurrentUser user) {
		checkUnit(in.unitId(), user);
		long id = store.insertFactory(in);
		Factory created = store.factory(id).orElseThrow();
		auditor.record(FACTORY, id, "CREATE", created.name(), Map.of(), created.facts());
		return id;
	}

	@Transactional
	public Factory updateFactory(long id, int version, FactoryInput in, CurrentUser user) {
		Factory before = editableFactory(id, user);
		checkUnit(in.unitId(), user);
		store.updateFactory(id, version, in);
		Factory after = store.factory(id).orElseThrow();
		auditor.record(FACTORY, id, "UPDATE", after.name(), before.facts(), after.facts());
		return after;
	}

	@Transactional
	public Factory reserveFactory(long id, Integer version, long projectId, CurrentUser user) {
		Factory before = editableFactory(id, user);
		SiteProject project = reservable(projectId, user);
		if (before.status() != FactoryStatus.AVAILABLE) {
			throw new BusinessException(409, "site.rule.notAvailable");
		}
		store.factoryStatus(id, version == null ? before.version() : version, FactoryStatus.RESERVED, project.id(),
				LocalDate.now(clock));
		Factory after = store.factory(id).orElseThrow();
		auditor.record(FACTORY, id, "RESERVE", summary(after.name() + " / " + project.code()), before.facts(),
				after.facts());
		return after;
	}

	@Transactional
	public Factory releaseFactory(long id, Integer version, CurrentUser user) {
		Factory before = editableFactory(id, user);
		if (before.status() != FactoryStatus.RESERVED) {
			throw new BusinessException(409, "site.rule.notReserved");
		}
		store.factoryStatus(id, version == null ? before.version() : version, FactoryStatus.AVAILABLE, null, null);
		Factory after = store.factory(id).orElseThrow();
		auditor.record(FACTORY, id, "RELEASE", after.name(), before.facts(), after.facts());
		return after;
	}

	/** A reserved factory is let or sold to its project. */
	@Transactional
	public Factory advanceFactory(long id, Integer version, FactoryStatus to, CurrentUser user) {
		Factory before = editableFactory(id, user);
		if (before.status() != FactoryStatus.RESERVED || (to != FactoryStatus.LET && to != FactoryStatus.SOLD)) {
			throw new FieldException("status", 409, "site.rule.statusMove");
		}
		store.factoryStatus(id, version == null ? before.version() : version, to, before.projectId(),
				before.reservedOn());
		Factory after = store.factory(id).orElseThrow();
		auditor.record(FACTORY, id, "ADVANCE", after.name(), before.facts(), after.facts());
		return after;
	}

	private Factory editableFactory(long id, CurrentUser user) {
		Factory f = factory(id, user);
		if (!canEdit(user, f.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return f;
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
