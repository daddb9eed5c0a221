package cn.zhaoshang.platform;

/**
 * Contact details (phone, e-mail, WeChat) of enterprises and talents are personal data: roles that work with the
 * people see them in full, the others see them masked (issue 4: "shown masked to roles that do not need them").
 * Masking keeps enough to recognise a number or address without being able to use it.
 */
public final class Contacts {

	private Contacts() {
	}

	/** Roles whose work is contacting investors and talents (the editors); the others see masks. */
	public static boolean seesInFull(Role role) {
		return role != null && role.isEditor();
	}

	/** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
	public static String maskPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String p = phone.strip();
		if (p.length() >= 7) {
			return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
		}
		return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
	}

	/** {@code zhang.san@example.com} → {@code z***@example.com}. */
	public static String maskEmail(String email) {
		if (email == null || email.isBlank()) {
			return email;
		}
		String e = email.strip();
		int at = e.indexOf('@');
		if (at <= 0) {
			return maskOther(e);
		}
		return e.charAt(0) + "***" + e.substring(at);
	}

	/** Any other handle (WeChat id): first and last character kept, {@code wxid_abc123} → {@code w***3}. */
	public static String maskOther(String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		String v = value.strip();
		if (v.length() <= 2) {
			return "*".repeat(v.length());
		}
		return v.charAt(0) + "***" + v.charAt(v.length() - 1);
	}
}
