package cn.zhaoshang.chain.internal;

import static cn.zhaoshang.chain.internal.EditChain.expected;

import java.time.Clock;
import java.util.Map;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.internal.ChainData.Header;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Local;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits and removes a chain's links and each link's local enterprises (from the merchant database). The
 * chain's editors and the city bureau only; every write audited; a stale version is a 409.
 */
@Service
public class EditLinks {

	private final ChainAccess access;
	private final ChainStore store;
	private final Enterprises enterprises;
	private final Auditor auditor;
	private final Clock clock;

	EditLinks(ChainAccess access, ChainStore store, Enterprises enterprises, Auditor auditor, Clock clock) {
		this.access = access;
		this.store = store;
		this.enterprises = enterprises;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public long addLink(long chainId, LinkInput input, CurrentUser user) {
		Header h = access.chain(chainId);
		access.requireEdit(chainId, user);
		LinkInput in = input.check();
		if (store.linkNameTaken(chainId, in.name(), 0)) {
			throw new FieldException("name", "chain.validation.linkTaken", in.name());
		}
		long id = store.insertLink(chainId, in, clock.instant());
		store.touchChain(chainId);
		auditor.record("chainLink", id, "CREATE", h.name() + " · " + in.name(), Map.of(),
				store.link(id).orElseThrow().audit());
		return id;
	}

	@Transactional
	public void updateLink(long linkId, LinkInput input, Integer version, CurrentUser user) {
		Link l = access.link(linkId);
		Header h = access.chain(l.chainId());
		access.requireEdit(l.chainId(), user);
		LinkInput in = input.check();
		if (store.linkNameTaken(l.chainId(), in.name(), linkId)) {
			throw new FieldException("name", "chain.validation.linkTaken", in.name());
		}
		store.updateLink(linkId, in, expected(version, l.version()), clock.instant());
		store.touchChain(l.chainId());
		auditor.record("chainLink", linkId, "UPDATE", h.name() + " · " + in.name(), l.audit(),
				store.link(linkId).orElseThrow().audit());
	}

	/** Removes a link with its local enterprises and targets. */
	@Transactional
	public void deleteLink(long linkId, Integer version, CurrentUser user) {
		Link l = access.link(linkId);
		Header h = access.chain(l.chainId());
		access.requireEdit(l.chainId(), user);
		store.deleteLink(linkId, expected(version, l.version()));
		store.touchChain(l.chainId());
		auditor.record("chainLink", linkId, "DELETE", h.name() + " · " + l.name(), l.audit(), Map.of());
	}

	@Transactional
	public long addLocal(long linkId, LocalInput input, CurrentUser user) {
		Link l = access.link(linkId);
		access.requireEdit(l.chainId(), user);
		LocalInput in = input.check();
		ChainEnterprise e = enterprises.find(in.merchantId())
			.orElseThrow(() -> new FieldException("merchantId", "validation.unknown"));
		if (store.localExists(linkId, in.merchantId(), 0)) {
			throw new FieldException("merchantId", "chain.validation.localTaken", e.name());
		}
		if (input.marks() == null) {
			in = new LocalInput(in.merchantId(), in.strength(),
					new Marks(false, e.centralSoe(), e.provincialSoe(), false), in.note());
		}
		long id = store.insertLocal(linkId, in, clock.instant());
		auditor.record("chainLocal", id, "CREATE", l.name() + " · " + e.name(), Map.of(),
				store.local(id).orElseThrow().audit(e.name()));
		return id;
	}

	@Transactional
	public void updateLocal(long id, LocalInput input, Integer version, CurrentUser user) {
		Local before = store.local(id).orElseThrow(NotFoundException::new);
		Link l = access.link(before.linkId());
		access.requireEdit(l.chainId(), user);
		LocalInput in = new LocalInput(before.merchantId(), input.strength(), input.marks(), input.note()).check();
		store.updateLocal(id, in, expected(version, before.version()), clock.instant());
		String name = enterprises.find(before.merchantId()).map(ChainEnterprise::name).orElse("#" + before.merchantId());
		auditor.record("chainLocal", id, "UPDATE", l.name() + " · " + name, before.audit(name),
				store.local(id).orElseThrow().audit(name));
	}

	@Transactional
	public void deleteLocal(long id, Integer version, CurrentUser user) {
		Local before = store.local(id).orElseThrow(NotFoundException::new);
		Link l = access.link(before.linkId());
		access.requireEdit(l.chainId(), user);
		store.deleteLocal(id, expected(version, before.version()));
		String name = enterprises.find(before.merchantId()).map(ChainEnterprise::name).orElse("#" + before.merchantId());
		auditor.record("chainLocal", id, "DELETE", l.name() + " · " + name, before.audit(name), Map.of());
	}
}
