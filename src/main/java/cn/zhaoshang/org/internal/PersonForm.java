package cn.zhaoshang.org.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.org.PersonKind;

/** What is entered for a leader or staff member. */
public record PersonForm(
		@NotNull(message = "{validation.required}") Long unitId,
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{validation.size}") String name,
		@NotNull(message = "{validation.required}") PersonKind kind,
		@Size(max = 100, message = "{validation.size}") String title,
		@Size(max = 40, message = "{validation.size}") String phone,
		@Email(message = "{validation.email}") @Size(max = 120, message = "{validation.size}") String email,
		@Size(max = 50, message = "{validation.size}") String account,
		Integer version, cn.zhaoshang.org.PersonPosition position) {

	/** Without a position (forms and tests written before issue 13). */
	public PersonForm(Long unitId, String name, PersonKind kind, String title, String phone, String email,
			String account, Integer version) {
		this(unitId, name, kind, title, phone, email, account, version, null);
	}

	public static PersonForm empty(Long unitId) {
		return new PersonForm(unitId, "", PersonKind.STAFF, "", "", "", "", null, null);
	}

	/**
	 * @param account the login name of the person's own account, or null (issue 8: notices reach them, a leader's
	 *        home page lists the projects they lead)
	 */
	public static PersonForm of(Person p, String account) {
		return new PersonForm(p.unitId, p.name, p.kind, p.title, p.phone, p.email, account, p.version, p.position);
	}
}
