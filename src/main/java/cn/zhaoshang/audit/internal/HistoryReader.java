package cn.zhaoshang.audit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.ClientAddress;
import cn.zhaoshang.platform.HistoryEntry.FieldChange;
import cn.zhaoshang.platform.HistoryLabels;
import cn.zhaoshang.platform.UserNames;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns stored audit rows into what people read: field names from the bundles ({@code field.<type>.<key>}, else
 * {@code field.<key>}), ids as names and enum values as labels through the {@link HistoryLabels} that the owning
 * modules provide (each asked once per page with all its values), other enum and flag values from the bundles
 * ({@code <key>.<VALUE>}, {@code value.<VALUE>}), the actor's name beside the sign-in name, and the address as a
 * client writes it.
 */
@Component
class HistoryReader {

	/** A stored row with its raw before and after maps. */
	record Raw(long id, java.time.Instant at, String actor, String remoteAddress, String recordType, String recordId,
			String action, String summary, Map<String, Object> before, Map<String, Object> after) {
	}

	/** A row as people read it. */
	record Read(Raw raw, String actorName, String remoteAddress, List<FieldChange> changes) {
	}

	private final List<HistoryLabels> labels;
	private final UserNames users;
	private final MessageSource messages;

	HistoryReader(List<HistoryLabels> labels, UserNames users, MessageSource messages) {
		this.labels = labels;
		this.users = users;
		this.messages = messages;
	}

	List<Read> read(List<Raw> rows, Locale locale) {
		var resolverOf = new HashMap<String, Integer>();
		var wanted = new HashMap<Integer, Set<String>>();
		List<List<String>> keysOf = new ArrayList<>();
		for (Raw r : rows) {
			List<String> keys = changedKeys(r);
			keysOf.add(keys);
			for (String key : keys) {
				int i = resolverOf.computeIfAbsent(r.recordType() + "\u0000" + key, k -> resolver(r.recordType(), key));
				if (i >= 0) {
					Set<String> values = wanted.computeIfAbsent(i, k -> new HashSet<>());
					addValues(values, r.before().get(key));
					addValues(values, r.after().get(key));
				}
			}
		}
		var names = new HashMap<Integer, Map<String, String>>();
		wanted.forEach((i, values) -> names.put(i, labels.get(i).labels(values, locale)));
		Map<String, String> actors = users.byUsername(rows.stream()
			.map(Raw::actor)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		List<Read> result = new ArrayList<>(rows.size());
		for (int n = 0; n < rows.size(); n++) {
			Raw r = rows.get(n);
			List<FieldChange> changes = new ArrayList<>();
			for (String key : keysOf.get(n)) {
				int i = resolverOf.get(r.recordType() + "\u0000" + key);
				Map<String, String> known = i >= 0 ? names.get(i) : Map.of();
				changes.add(new FieldChange(key, fieldLabel(r.recordType(), key, locale),
						text(key, r.before().get(key), known, locale), text(key, r.after().get(key), known, locale)));
			}
			result.add(new Read(r, r.actor() == null ? null : actors.get(r.actor()),
					ClientAddress.readable(r.remoteAddress()), changes));
		}
		return result;
	}

	/** The fields whose values differ between before and after (all fields of a creation), in stored order. */
	static List<String> changedKeys(Raw r) {
		var keys = new LinkedHashSet<String>();
		keys.addAll(r.before().keySet());
		keys.addAll(r.after().keySet());
		return keys.stream().filter(k -> !Objects.equals(r.before().get(k), r.after().get(k))).toList();
	}

	private int resolver(String recordType, String field) {
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i).covers(recordType, field)) {
				return i;
			}
		}
		return -1;
	}

	private static void addValues(Set<String> into, Object value) {
		if (value instanceof Collection<?> many) {
			many.stream().filter(Objects::nonNull).forEach(v -> into.add(String.valueOf(v)));
		}
		else if (value != null && !String.valueOf(value).isEmpty()) {
			into.add(String.valueOf(value));
		}
	}

	String fieldLabel(String recordType, String field, Locale locale) {
		String own = messages.getMessage("field." + recordType + "." + field, null, null, locale);
		return own != null ? own : messages.getMessage("field." + field, null, field, locale);
	}

	private String text(String field, Object value, Map<String, String> known, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> many) {
			String separator = messages.getMessage("history.listSeparator", null, ", ", locale);
			return many.stream().map(v -> text(field, v, known, locale)).collect(Collectors.joining(separator));
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map(e -> fieldLabel("", String.valueOf(e.getKey()), locale) + " "
						+ text(String.valueOf(e.getKey()), e.getValue(), Map.of(), locale))
				.collect(Collectors.joining("; "));
		}
		String v = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
		if (v.isEmpty()) {
			return v;
		}
		String label = known.get(v);
		if (label != null) {
			return label;
		}
		String own = messages.getMessage(field + "." + v, null, null, locale);
		return own != null ? own : messages.getMessage("value." + v, null, v, locale);
	}
}
