package cn.zhaoshang.merchant;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enterprises' names for the history of any record that links one ({@code merchantId}, a clue's 关联客商), and the
 * labels of a merchant's enum fields (type, size, source tags, kept as names such as {@code PRIVATE} or
 * {@code GLOBAL_500,LISTED}).
 */
@Component
class MerchantLabels implements HistoryLabels {

	private static final Map<String, String> ENUMS = Map.of("enterpriseType", "merchant.type.", "enterpriseSize",
			"merchant.size.", "tags", "merchant.tag.");

	private final JdbcClient jdbc;
	private final MessageSource messages;

	MerchantLabels(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return field.equals("merchantId") || field.equals("investorId")
				|| ("merchant".equals(recordType) && ENUMS.containsKey(field));
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		var ids = values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM merchant WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(String.valueOf(rs.getLong(1)), rs.getString(2)))
				.list();
		}
		String separator = messages.getMessage("merchant.listSeparator", null, ", ", locale);
		for (String v : values) {
			if (!names.containsKey(v) && v.matches("[A-Z0-9_,]+") && !v.matches("\\d+")) {
				names.put(v, Arrays.stream(v.split(",")).map(one -> enumLabel(one, locale))
					.collect(Collectors.joining(separator)));
			}
		}
		return names;
	}

	/** The first bundle that knows the value (a type, a size or a tag: their names do not overlap), else as kept. */
	private String enumLabel(String value, Locale locale) {
		for (String prefix : ENUMS.values()) {
			String label = messages.getMessage(prefix + value, null, null, locale);
			if (label != null) {
				return label;
			}
		}
		return value;
	}
}
