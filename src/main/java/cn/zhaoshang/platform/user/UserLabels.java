package cn.zhaoshang.platform.user;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.HistoryLabels;
import cn.zhaoshang.platform.UserNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users' names for the history: of the user ids a record keeps (a clue's {@code assigneeId}) and of the sign-in
 * names of those who made a change. One query per page, whatever the number of rows.
 */
@Component
class UserLabels implements HistoryLabels, UserNames {

	/** Fields that hold a user's id, on any record. */
	private static final Set<String> USER_FIELDS = Set.of("assigneeId", "fromUserId", "toUserId", "userId");

	private final JdbcClient jdbc;

	UserLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return USER_FIELDS.contains(field);
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		var ids = values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
		Map<String, String> names = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, display_name FROM app_user WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(String.valueOf(rs.getLong(1)), rs.getString(2)))
				.list();
		}
		return names;
	}

	@Override
	public Map<String, String> byUsername(Set<String> usernames) {
		Map<String, String> names = new LinkedHashMap<>();
		if (!usernames.isEmpty()) {
			jdbc.sql("SELECT username, display_name FROM app_user WHERE username IN (:names)")
				.param("names", usernames)
				.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return names;
	}
}
