package cn.zhaoshang.chain.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.ChainRecords;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.chain.internal.ChainStore;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of the catalog: create, edit, publish, match, withdraw. The city bureau edits every unit's catalog
 * projects, unit managers and staff their own unit's (data scope); each write checks the version the user saw
 * (optimistic locking) and is audited in its transaction.
 */
@Service
public class CatalogWrites {

	static final String RECORD = "catalog";

	private final CatalogRepository repository;
	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final ChainStore store;
	private final List<ChainRecords> records;
	private final Clock clock;

	CatalogWrites(CatalogRepository repository, Chains chains, UnitDirectory units, DataScopes scopes, Auditor auditor,
			ChainStore store, List<ChainRecords> records, Clock clock) {
		this.repository = repository;
		this.chains = chains;
		this.store = store;
		this.records = records;
		this.units = units;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	static boolean editorRole(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR || user.role() == Role.UNIT_MANAGER
				|| user.role() == Role.UNIT_STAFF;
	}

	/** Whether the user may change this catalog project (role and the project's unit in the user's scope). */
	public boolean mayEdit(CatalogProject p, CurrentUser user) {
		return editorRole(user) && scopes.of(user).canEdit(p.unit());
	}

	@Transactional
	public CatalogProject create(CatalogDetails d, CurrentUser user) {
		check(d, user);
		Instant now = clock.instant();
		CatalogProject p = CatalogProject.draft(user.getUsername(), now);
		p.edit(d, now);
		CatalogProject saved = repository.save(p);
		auditor.record(RECORD, saved.id, "CREATE", saved.name, Map.of(), saved.auditView());
		return saved;
	}

	@Transactional
	public CatalogProject edit(long id, CatalogDetails d, CurrentUser user) {
		CatalogProject p = editable(id, d.version(), user);
		check(d, user);
		var before = p.auditView();
		p.edit(d, clock.instant());
		return save(p, "UPDATE", before);
	}

	@Transactional
	public CatalogProject publish(long id, Integer version, CurrentUser user) {
		CatalogProject p = editable(id, version, user);
		var before = p.auditView();
		p.publish(clock.instant());
		return save(p, "PUBLISH", before);
	}

	@Transactional
	public CatalogProject match(long id, Long clueId, Long projectId, Integer version, CurrentUser user) {
		CatalogProject p = editable(id, version, user);
		var before = p.auditView();
		p.match(clueId, projectId, clock.instant());
		exists("clue", "matchedClueId", clueId, user);
		exists("project", "matchedProjectId", projectId, user);
		return save(p, "MATCH_INVESTOR", before);
	}

	@Transactional
	public CatalogProject withdraw(long id, String reason, Integer version, CurrentUser user) {
		CatalogProject p = editable(id, version, user);
		var before = p.auditView();
		p.withdraw(reason, clock.instant());
		return save(p, "WITHDRAW", before);
	}

	private CatalogProject save(CatalogProject p, String action, Map<String, Object> before) {
		CatalogProject saved = repository.save(p);
		auditor.record(RECORD, saved.id, action, saved.name, before, saved.auditView());
		return saved;
	}

	private CatalogProject editable(long id, Integer version, CurrentUser user) {
		CatalogProject p = repository.findById(id).orElseThrow(NotFoundException::new);
		if (!mayEdit(p, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (version == null) {
			throw new FieldException("version", "validation.required");
		}
		if (!version.equals(p.version)) {
			throw new OptimisticLockingFailureException("catalog project " + id + " changed");
		}
		return p;
	}

	/** The matched clue or project exists (asked of the module that keeps it, through {@link ChainRecords}). */
	private void exists(String kind, String field, Long id, CurrentUser user) {
		if (id == null) {
			return;
		}
		boolean found = records.stream()
			.filter(r -> r.kind().equals(kind))
			.anyMatch(r -> r.find(List.of(id), user).stream().anyMatch(x -> x.id() == id));
		if (!found) {
			throw new FieldException(field, "validation.unknown");
		}
	}

	private void check(CatalogDetails d, CurrentUser user) {
		if (!editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (chains.find(new ChainId(d.chainId())).isEmpty()) {
			throw new FieldException("chainId", "validation.unknown");
		}
		if (d.linkId() != null) {
			var link = store.link(d.linkId())
				.orElseThrow(() -> new FieldException("linkId", "validation.unknown"));
			if (link.chainId() != d.chainId()) {
				throw new FieldException("linkId", "catalog.validation.linkOfOtherChain");
			}
		}
		UnitId unit = UnitId.of(d.unitId());
		if (units.find(unit).isEmpty()) {
			throw new FieldException("unitId", "validation.unknown");
		}
		if (!scopes.of(user).canEdit(unit)) {
			throw new FieldException("unitId", "catalog.validation.unitOutOfScope");
		}
	}
}
