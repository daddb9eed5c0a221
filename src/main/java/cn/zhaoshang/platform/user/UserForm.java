package cn.zhaoshang.platform.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.platform.Role;

/**
 * What an administrator enters for a user. Messages are keys, resolved in the user's language with the field's
 * label in front. The password is required on creation only (see {@link UserManagement}).
 */
public record UserForm(
		@NotBlank(message = "{validation.required}") @Size(min = 3, max = 50, message = "{validation.size}")
		@Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.username}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.size}") String displayName,
		@NotNull(message = "{validation.required}") Role role,
		Long unitId,
		@Email(message = "{validation.email}") @Size(max = 120, message = "{validation.size}") String email,
		@Size(max = 40, message = "{validation.size}") String phone,
		String locale,
		String password,
		Integer version) {

	static UserForm empty() {
		return new UserForm("", "", Role.UNIT_STAFF, null, "", "", "zh-CN", "", null);
	}

	static UserForm of(User u) {
		return new UserForm(u.username, u.displayName, u.role, u.unitId, u.email, u.phone, u.locale, "", u.version);
	}
}
