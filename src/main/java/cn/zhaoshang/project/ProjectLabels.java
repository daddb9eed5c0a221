package cn.zhaoshang.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects' codes and names for the history of any record that keeps a {@code projectId} (an attachment), the
 * project type's labels ({@code type} is also a unit's type, so it is claimed for projects only).
 */
@Component
class ProjectLabels implements HistoryLabels {

	private final JdbcClient jdbc;
	private final MessageSource messages;

	ProjectLabels(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return field.equals("projectId")
				|| ("project".equals(recordType) && (field.equals("type") || field.equals("types")));
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		var ids = values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, code, name FROM project WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(String.valueOf(rs.getLong(1)), rs.getString(2) + " " + rs.getString(3)))
				.list();
		}
		String separator = messages.getMessage("projectType.separator", null, ", ", locale);
		for (String v : values) {
			String type = messages.getMessage("projectType." + v, null, null, locale);
			if (type != null) {
				names.put(v, type);
			}
			else if (v.matches("[A-Z_]+(,[A-Z_]+)+")) {
				// a set of types (issue 10): each one's label, joined as the pages join them
				List<String> labels = new java.util.ArrayList<>();
				for (String one : v.split(",")) {
					labels.add(messages.getMessage("projectType." + one, null, one, locale));
				}
				names.put(v, String.join(separator, labels));
			}
		}
		return names;
	}
}
