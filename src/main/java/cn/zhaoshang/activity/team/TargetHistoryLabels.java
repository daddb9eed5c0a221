package cn.zhaoshang.activity.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;

/**
 * A joint team's targets as the history keeps them ({@code [UPSTREAM:12, DOWNSTREAM:13]}) read as its page shows them:
 * 上游 某某材料有限公司、下游 某某电器有限公司 (an enterprise deleted since keeps its number). An empty list reads as
 * 无; a value that does not read as targets is left as stored.
 */
public final class TargetHistoryLabels implements HistoryLabels {

	private static final Pattern TARGET = Pattern.compile("([A-Z_]+):([0-9]{1,18})");

	private final MessageSource messages;
	private final Merchants merchants;

	public TargetHistoryLabels(MessageSource messages, Merchants merchants) {
		this.messages = messages;
		this.merchants = merchants;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return JointTeams.RECORD.equals(recordType) && "targets".equals(field);
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		return HistoryLabels.each(values, v -> label(v, locale));
	}

	String label(String value, Locale locale) {
		String inner = value.strip();
		if (!inner.startsWith("[") || !inner.endsWith("]")) {
			return null;
		}
		inner = inner.substring(1, inner.length() - 1).strip();
		if (inner.isEmpty()) {
			return messages.getMessage("team.targets.none", null, locale);
		}
		List<String> targets = new ArrayList<>();
		for (String part : inner.split(",\\s*")) {
			Matcher m = TARGET.matcher(part.strip());
			if (!m.matches()) {
				return null;
			}
			long id = Long.parseLong(m.group(2));
			String name = merchants.find(new MerchantId(id)).map(Merchants.Merchant::name).orElse("#" + id);
			targets.add(messages.getMessage("team.direction." + m.group(1), null, m.group(1), locale) + " " + name);
		}
		return String.join(messages.getMessage("merchant.listSeparator", null, ", ", locale), targets);
	}
}
