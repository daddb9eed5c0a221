package cn.zhaoshang.platform;

/** A rule broken by one field of a form or request body: pages show it next to the field, the API in errors[]. */
public class FieldException extends BusinessException {

	private final String field;

	public FieldException(String field, String messageKey, Object... args) {
		super(messageKey, args);
		this.field = field;
	}

	/** With another status than 422, e.g. 400 for a malformed query parameter. */
	public FieldException(String field, int status, String messageKey, Object... args) {
		super(status, messageKey, args);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
