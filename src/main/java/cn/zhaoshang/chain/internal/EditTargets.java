package cn.zhaoshang.chain.internal;

import static cn.zhaoshang.chain.internal.EditChain.expected;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.ChainRecord;
import cn.zhaoshang.chain.ChainRecords;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainData.Target;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits (priority, reason, tracker, status, marks) and removes a link's target enterprises, and links the
 * clues and projects a target led to. The chain's editors and the city bureau only; every write audited; a stale
 * version is a 409.
 */
@Service
public class EditTargets {

	private final ChainAccess access;
	private final ChainStore store;
	private final Enterprises enterprises;
	private final People people;
	private final Units units;
	private final List<ChainRecords> records;
	private final Auditor auditor;
	private final Clock clock;

	EditTargets(ChainAccess access, ChainStore store, Enterprises enterprises, People people, Units units,
			List<ChainRecords> records, Auditor auditor, Clock clock) {
		this.access = access;
		this.store = store;
		this.enterprises = enterprises;
		this.people = people;
		this.units = units;
		this.records = records;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public long add(long linkId, TargetInput input, CurrentUser user) {
		Link l = access.link(linkId);
		access.requireEdit(l.chainId(), user);
		TargetInput in = input.check();
		ChainEnterprise e = enterprises.find(in.merchantId())
			.orElseThrow(() -> new FieldException("merchantId", "validation.unknown"));
		checkTracker(in);
		if (store.targetExists(linkId, in.merchantId())) {
			throw new FieldException("merchantId", "chain.validation.targetTaken", e.name());
		}
		if (in.marks() == null) {
			in = in.withMarks(new Marks(false, e.centralSoe(), e.provincialSoe(), false));
		}
		long id = store.insertTarget(linkId, in, user.getUsername(), clock.instant());
		auditor.record("chainTarget", id, "CREATE", l.name() + " · " + e.name(), Map.of(),
				store.target(id).orElseThrow().audit(e.name()));
		return id;
	}

	@Transactional
	public void update(long id, TargetInput input, Integer version, CurrentUser user) {
		Target before = access.target(id);
		Link l = access.link(before.linkId());
		access.requireEdit(l.chainId(), user);
		TargetInput in = new TargetInput(before.merchantId(), input.priority(), input.reason(), input.trackerUnitId(),
				input.trackerPersonId(), input.status() == null ? before.status() : input.status(), input.marks())
			.check();
		if (in.marks() == null) {
			in = in.withMarks(before.marks());
		}
		checkTracker(in);
		store.updateTarget(id, in, expected(version, before.version()), clock.instant());
		String name = name(before.merchantId());
		auditor.record("chainTarget", id, before.status() == in.status() ? "UPDATE" : "TARGET_STATUS",
				l.name() + " · " + name, before.audit(name), store.target(id).orElseThrow().audit(name));
	}

	@Transactional
	public void delete(long id, Integer version, CurrentUser user) {
		Target before = access.target(id);
		Link l = access.link(before.linkId());
		access.requireEdit(l.chainId(), user);
		store.deleteTarget(id, expected(version, before.version()));
		String name = name(before.merchantId());
		auditor.record("chainTarget", id, "DELETE", l.name() + " · " + name, before.audit(name), Map.of());
	}

	/** Links a clue or project (kind {@code clue} or {@code project}) the target led to; idempotent. */
	@Transactional
	public void linkRecord(long id, String kind, Long recordId, CurrentUser user) {
		Target t = access.target(id);
		Link l = access.link(t.linkId());
		access.requireEdit(l.chainId(), user);
		ChainRecords provider = provider(kind);
		if (recordId == null) {
			throw new FieldException("recordId", "validation.required");
		}
		List<ChainRecord> found = provider.find(List.of(recordId), user);
		if (found.isEmpty() || !found.get(0).readable()) {
			throw new FieldException("recordId", "validation.unknown");
		}
		if (store.addRecord(id, kind, recordId)) {
			store.touchTarget(id, clock.instant());
			auditor.record("chainTarget", id, "LINK_RECORD", l.name() + " · " + name(t.merchantId()), Map.of(),
					Map.of("kind", kind, "recordId", recordId));
		}
	}

	@Transactional
	public void unlinkRecord(long id, String kind, long recordId, CurrentUser user) {
		Target t = access.target(id);
		Link l = access.link(t.linkId());
		access.requireEdit(l.chainId(), user);
		provider(kind);
		if (store.removeRecord(id, kind, recordId)) {
			store.touchTarget(id, clock.instant());
			auditor.record("chainTarget", id, "UNLINK_RECORD", l.name() + " · " + name(t.merchantId()),
					Map.of("kind", kind, "recordId", recordId), Map.of());
		}
	}

	private ChainRecords provider(String kind) {
		return records.stream()
			.filter(r -> r.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new FieldException("kind", "validation.unknown"));
	}

	private void checkTracker(TargetInput in) {
		if (units.find(new UnitId(in.trackerUnitId())).isEmpty()) {
			throw new FieldException("trackerUnitId", "validation.unknown");
		}
		if (in.trackerPersonId() != null && people.summary(new PersonId(in.trackerPersonId())).isEmpty()) {
			throw new FieldException("trackerPersonId", "validation.unknown");
		}
	}

	private String name(long merchantId) {
		return enterprises.find(merchantId).map(ChainEnterprise::name).orElse("#" + merchantId);
	}
}
