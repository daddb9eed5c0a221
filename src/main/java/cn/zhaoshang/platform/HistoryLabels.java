package cn.zhaoshang.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

/**
 * How the stored values of some history fields read for people (a service-provider interface). The audit trail keeps
 * what the record keeps — ids and enum names ({@code unitId 5}, {@code status FOLLOWING}) — so that it stays true
 * when a unit is renamed; a history page turns them into names when it is shown. The module that owns a kind of value
 * implements this for it (org: units, chain: chains, merchant: enterprises, project: projects, platform: users), and
 * the audit module, which nobody depends on, asks every implementation in the context.
 * <p>
 * A page asks each implementation once, with every value of every field it covers on that page ({@link #labels}),
 * so a history of 200 rows costs one query per kind, not one per row.
 */
public interface HistoryLabels {

	/** Whether this names the values of the field on records of the type ({@code clue}, {@code ownerUnitId}). */
	boolean covers(String recordType, String field);

	/**
	 * The labels of the given stored values (as text: {@code "5"}, {@code "FOLLOWING"}) in the reader's language;
	 * values it does not know (a deleted record) are left out and shown as stored.
	 */
	Map<String, String> labels(Set<String> values, Locale locale);

	/** The labels of values read one by one; {@code label} answers null for a value it leaves as stored. */
	static Map<String, String> each(Set<String> values, java.util.function.Function<String, String> label) {
		Map<String, String> result = new LinkedHashMap<>();
		for (String v : values) {
			String l = label.apply(v);
			if (l != null) {
				result.put(v, l);
			}
		}
		return result;
	}

	/**
	 * Enum values of one field of one record type, read from the message bundles as {@code <prefix><VALUE>}
	 * ({@code clueStatus.FOLLOWING} → 跟进中). For fields whose name alone is ambiguous: {@code status} is a
	 * project's 正常推进/暂缓/终止 but a clue's 新线索/跟进中.
	 */
	static HistoryLabels messages(MessageSource messages, String recordType, Collection<String> fields, String prefix) {
		Set<String> covered = Set.copyOf(fields);
		return new HistoryLabels() {

			@Override
			public boolean covers(String type, String field) {
				return recordType.equals(type) && covered.contains(field);
			}

			@Override
			public Map<String, String> labels(Set<String> values, Locale locale) {
				Map<String, String> result = new LinkedHashMap<>();
				for (String v : values) {
					String label = messages.getMessage(prefix + v, null, null, locale);
					if (label != null) {
						result.put(v, label);
					}
				}
				return result;
			}
		};
	}
}
