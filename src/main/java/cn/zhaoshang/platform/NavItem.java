package cn.zhaoshang.platform;

import java.util.Set;

/**
 * An entry of the main navigation. Each module declares its entries as beans; the layout shows those the user's
 * role may open, ordered by {@code order}.
 *
 * @param group message key of the navigation group (e.g. {@code nav.group.system})
 * @param label message key of the entry
 * @param path the page it opens
 * @param roles roles that see the entry; empty means every signed-in user
 */
public record NavItem(String group, String label, String path, int order, Set<Role> roles) {

	public boolean visibleTo(Role role) {
		return roles.isEmpty() || roles.contains(role);
	}
}
