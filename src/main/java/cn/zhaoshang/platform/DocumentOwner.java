package cn.zhaoshang.platform;

import java.util.regex.Pattern;

/**
 * What a stored document belongs to: a record type ({@code project}, later {@code dispatch}, {@code activity} …) and
 * its id. The type is written in the {@code attachment} table's {@code owner_type} column, lower case, as in the
 * audit trail's record types.
 */
public record DocumentOwner(String type, long id) {

	private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

	public DocumentOwner {
		if (type == null || !TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("owner type: " + type);
		}
	}

	public static DocumentOwner of(String type, long id) {
		return new DocumentOwner(type, id);
	}
}
