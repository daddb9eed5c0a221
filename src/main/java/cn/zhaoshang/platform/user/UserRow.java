package cn.zhaoshang.platform.user;

import cn.zhaoshang.platform.Role;

/** A row of the user list. */
public record UserRow(long id, String username, String displayName, Role role, String unitName, boolean enabled,
		boolean locked, java.time.Instant lastLoginAt) {
}
