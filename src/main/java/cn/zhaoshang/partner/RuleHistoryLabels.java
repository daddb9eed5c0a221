package cn.zhaoshang.partner;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;

/**
 * Reward rules as the history keeps them ({@code SIGNED 10000.00; COMMENCED 0.5% <= 200000.00}: an agreement's
 * {@code rules}, a reward's {@code rule}) read as the agreement page shows them: 签约 · 固定 10,000.00 元；开工 · 到位资金的
 * 0.5% · 封顶 200,000.00 元. A value that does not read as rules is left as stored.
 */
final class RuleHistoryLabels implements HistoryLabels {

	private static final Pattern RULE = Pattern.compile("([A-Z_]+) ([0-9]+(?:\\.[0-9]+)?)(%?)(?: <= ([0-9]+(?:\\.[0-9]+)?))?");

	private final MessageSource messages;

	RuleHistoryLabels(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public boolean covers(String recordType, String field) {
		return ("partner_agreement".equals(recordType) && "rules".equals(field))
				|| ("partner_reward".equals(recordType) && "rule".equals(field));
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		return HistoryLabels.each(values, v -> label(v, locale));
	}

	String label(String value, Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		List<String> rules = new ArrayList<>();
		for (String part : value.split(";\\s*")) {
			Matcher m = RULE.matcher(part.strip());
			if (!m.matches()) {
				return null;
			}
			String stage = messages.getMessage("stage." + m.group(1), null, m.group(1), locale);
			String basis = m.group(3).isEmpty()
					? messages.getMessage("partner.rule.fixed", new Object[] { amount(m.group(2)) }, locale)
					: messages.getMessage("partner.rule.percent", new Object[] { m.group(2) }, locale);
			String rule = stage + " \u00b7 " + basis;
			if (m.group(4) != null) {
				rule += " \u00b7 " + messages.getMessage("partner.rule.cap", new Object[] { amount(m.group(4)) }, locale);
			}
			rules.add(rule);
		}
		return String.join(messages.getMessage("partner.rule.separator", null, "; ", locale), rules);
	}

	private static String amount(String plain) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(new BigDecimal(plain));
	}
}
