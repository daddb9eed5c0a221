package cn.zhaoshang.platform;

/**
 * The rules every public form shares beside the guard of {@link PublicForm}: a honeypot field that people never see
 * (hidden from view and from screen readers) and robots fill in. No CAPTCHA service from outside is used: government
 * networks are often closed, and the visitor's data would leave the city.
 */
public final class PublicForms {

	/** The honeypot field's name, in the HTML forms and the public JSON bodies alike. */
	public static final String HONEYPOT = "website";

	private PublicForms() {
	}

	/** Refuses (422) a submission whose honeypot field holds anything. */
	public static void requireEmptyHoneypot(String value) {
		if (value != null && !value.isEmpty()) {
			throw new BusinessException(422, "publicForm.rejected");
		}
	}
}
