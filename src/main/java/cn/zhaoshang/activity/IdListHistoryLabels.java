package cn.zhaoshang.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list of ids (or one id) as an activity record's history keeps it ({@code [3, 5]}: an event's enterprises,
 * clues, projects and participating units, a training's attendees, a cooperation's talents, a joint team's cadre and
 * anchor) read as names ({@code 甲公司、乙公司}); an id whose record is gone reads {@code #5}, an empty list 无. It
 * comes before the modules' single-id labels (a unit's {@code …UnitIds} field), which know no lists.
 */
final class IdListHistoryLabels implements HistoryLabels, Ordered {

	private final String recordType;
	private final String field;
	private final String namesSql;
	private final JdbcClient jdbc;
	private final MessageSource messages;

	/** {@code namesSql} selects {@code id} and a name for the ids {@code :ids}. */
	IdListHistoryLabels(String recordType, String field, String namesSql, JdbcClient jdbc, MessageSource messages) {
		this.recordType = recordType;
		this.field = field;
		this.namesSql = namesSql;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean covers(String type, String f) {
		return recordType.equals(type) && field.equals(f);
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		Map<String, List<Long>> lists = new LinkedHashMap<>();
		Set<Long> all = new LinkedHashSet<>();
		for (String value : values) {
			List<Long> ids = ids(value);
			if (ids != null) {
				lists.put(value, ids);
				all.addAll(ids);
			}
		}
		Map<Long, String> names = new LinkedHashMap<>();
		if (!all.isEmpty()) {
			jdbc.sql(namesSql)
				.param("ids", all)
				.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		String separator = messages.getMessage("merchant.listSeparator", null, ", ", locale);
		Map<String, String> result = new LinkedHashMap<>();
		lists.forEach((value, ids) -> {
			List<String> parts = new ArrayList<>();
			ids.forEach(id -> parts.add(names.getOrDefault(id, "#" + id)));
			result.put(value, parts.isEmpty() ? messages.getMessage("team.targets.none", null, locale)
					: String.join(separator, parts));
		});
		return result;
	}

	/** The ids of {@code [1, 2]} (or of a single id), or null when the value is not such a list. */
	static List<Long> ids(String value) {
		String v = value.strip();
		if (v.startsWith("[") && v.endsWith("]")) {
			v = v.substring(1, v.length() - 1).strip();
		}
		List<Long> ids = new ArrayList<>();
		if (v.isEmpty()) {
			return ids;
		}
		for (String part : v.split(",\\s*")) {
			if (!part.strip().matches("[0-9]{1,18}")) {
				return null;
			}
			ids.add(Long.valueOf(part.strip()));
		}
		return ids;
	}
}
