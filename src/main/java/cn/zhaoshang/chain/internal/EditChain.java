package cn.zhaoshang.chain.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.chain.internal.ChainData.Header;
import cn.zhaoshang.chain.internal.ChainData.Milestone;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits a chain's header (director, lead unit, strategy), its editor list (the city bureau only) and its roadmap of
 * yearly milestones. Every write is audited; a stale version is a 409.
 */
@Service
public class EditChain {

	private final ChainAccess access;
	private final ChainStore store;
	private final People people;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;

	EditChain(ChainAccess access, ChainStore store, People people, Units units, Auditor auditor, Clock clock) {
		this.access = access;
		this.store = store;
		this.people = people;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public void header(long chainId, ChainInput input, Integer version, CurrentUser user) {
		Header h = access.chain(chainId);
		access.requireEdit(chainId, user);
		ChainInput in = input.check();
		if (in.directorId() != null && people.summary(new PersonId(in.directorId())).isEmpty()) {
			throw new FieldException("directorId", "validation.unknown");
		}
		if (in.leadUnitId() != null && units.find(new UnitId(in.leadUnitId())).isEmpty()) {
			throw new FieldException("leadUnitId", "validation.unknown");
		}
		store.updateHeader(chainId, in.directorId(), in.leadUnitId(), in.strategy(), expected(version, h.version()));
		Map<String, Object> before = headerAudit(h.directorId(), h.leadUnitId(), h.strategy());
		Map<String, Object> after = headerAudit(in.directorId(), in.leadUnitId(), in.strategy());
		auditor.record("chain", chainId, "UPDATE", h.name(), before, after);
	}

	private static Map<String, Object> headerAudit(Long director, Long leadUnit, String strategy) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("directorId", director);
		m.put("leadUnitId", leadUnit);
		m.put("strategy", strategy);
		return m;
	}

	/** Replaces the chain's editors by these sign-in names (each an enabled account); the bureau only. */
	@Transactional
	public void editors(long chainId, List<String> usernames, CurrentUser user) {
		Header h = access.chain(chainId);
		access.requireBureau(user);
		var ids = new LinkedHashSet<Long>();
		var names = new ArrayList<String>();
		for (String u : usernames == null ? List.<String>of() : usernames) {
			if (u == null || u.isBlank()) {
				continue;
			}
			var account = store.account(u.strip())
				.orElseThrow(() -> new FieldException("usernames", "chain.validation.unknownUser", u.strip()));
			if (ids.add(account.id())) {
				names.add(account.username());
			}
		}
		List<String> before = store.editorAccounts(chainId).stream().map(ChainStore.Account::username).toList();
		store.replaceEditors(chainId, ids);
		store.touchChain(chainId);
		auditor.record("chain", chainId, "UPDATE", h.name(), Map.of("editors", String.join(", ", before)),
				Map.of("editors", String.join(", ", names)));
	}

	@Transactional
	public long addMilestone(long chainId, MilestoneInput input, CurrentUser user) {
		Header h = access.chain(chainId);
		access.requireEdit(chainId, user);
		MilestoneInput in = input.check();
		long id = store.insertMilestone(chainId, in, clock.instant());
		auditor.record("chainMilestone", id, "CREATE", h.name() + " " + in.year(), Map.of(),
				store.milestone(id).orElseThrow().audit());
		return id;
	}

	@Transactional
	public void updateMilestone(long id, MilestoneInput input, Integer version, CurrentUser user) {
		Milestone m = store.milestone(id).orElseThrow(NotFoundException::new);
		Header h = access.chain(m.chainId());
		access.requireEdit(m.chainId(), user);
		MilestoneInput in = input.check();
		store.updateMilestone(id, in, expected(version, m.version()), clock.instant());
		auditor.record("chainMilestone", id, "UPDATE", h.name() + " " + in.year(), m.audit(),
				store.milestone(id).orElseThrow().audit());
	}

	@Transactional
	public void deleteMilestone(long id, Integer version, CurrentUser user) {
		Milestone m = store.milestone(id).orElseThrow(NotFoundException::new);
		Header h = access.chain(m.chainId());
		access.requireEdit(m.chainId(), user);
		store.deleteMilestone(id, expected(version, m.version()));
		auditor.record("chainMilestone", id, "DELETE", h.name() + " " + m.year(), m.audit(), Map.of());
	}

	/** The version the client read must be the current one (optimistic locking): else a 409. */
	static int expected(Integer given, int current) {
		if (given == null) {
			throw new FieldException("version", "validation.required");
		}
		if (!Objects.equals(given, current)) {
			throw new OptimisticLockingFailureException("changed meanwhile");
		}
		return current;
	}
}
