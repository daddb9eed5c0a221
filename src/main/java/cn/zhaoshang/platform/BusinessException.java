package cn.zhaoshang.platform;

/**
 * A refusal a user should read: the message is a key in the message bundles, resolved in the user's language.
 * Pages show it as an error, the API answers with a problem (status as given, 422 by default).
 */
public class BusinessException extends RuntimeException {

	private final String messageKey;
	private final transient Object[] args;
	private final int status;

	public BusinessException(String messageKey, Object... args) {
		this(422, messageKey, args);
	}

	public BusinessException(int status, String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
		this.status = status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public int status() {
		return status;
	}
}
