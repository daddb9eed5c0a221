package cn.zhaoshang.chain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.stereotype.Component;

/** Chains' names, in the reader's language, for the history of any record that keeps {@code chainId(s)}. */
@Component
class ChainLabels implements HistoryLabels {

	private final Chains chains;

	ChainLabels(Chains chains) {
		this.chains = chains;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return field.equals("chainId") || field.equals("chainIds");
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> names = new LinkedHashMap<>();
		for (Chain c : chains.all()) {
			String id = String.valueOf(c.id().value());
			if (values.contains(id)) {
				names.put(id, c.name(english));
			}
		}
		return names;
	}
}
