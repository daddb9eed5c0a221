package cn.zhaoshang.chain.internal;

import cn.zhaoshang.chain.internal.ChainData.Header;
import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Target;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;

import org.springframework.stereotype.Component;

/**
 * Who may do what with chains, decided once: every internal user reads every chain (the map, the lists, the board);
 * the city bureau (and administrators) edits every chain and names each chain's editors; a chain's editors (chain
 * managers: unit managers, staff or leaders on its editor list) edit that chain's header, links, local enterprises,
 * targets and roadmap. Also the look-ups that answer 404 for what does not exist.
 */
@Component
public class ChainAccess {

	/** The role rule of the bureau's endpoints (naming editors). */
	public static final String BUREAU = "hasAnyRole('ADMIN','CITY_SUPERVISOR')";

	/** The role rule of the editing endpoints; the editor list then decides per chain. */
	public static final String EDITOR = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF','LEADER')";

	private final ChainStore store;

	ChainAccess(ChainStore store) {
		this.store = store;
	}

	public static boolean bureau(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/** Whether the user edits this chain: the bureau, or an editor role on the chain's editor list. */
	public boolean canEdit(long chainId, CurrentUser user) {
		if (bureau(user)) {
			return true;
		}
		return user != null && (user.role().isEditor() || user.role() == Role.LEADER)
				&& store.isEditor(chainId, user.id().value());
	}

	public void requireEdit(long chainId, CurrentUser user) {
		if (!canEdit(chainId, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	public void requireBureau(CurrentUser user) {
		if (!bureau(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	public Header chain(long id) {
		return store.header(id).orElseThrow(NotFoundException::new);
	}

	public Link link(long id) {
		return store.link(id).orElseThrow(NotFoundException::new);
	}

	public Target target(long id) {
		return store.target(id).orElseThrow(NotFoundException::new);
	}
}
