package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.Locale;

import cn.zhaoshang.service.evaluation.EvaluationPolicy.Check;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** One evaluation check as a sentence in the reader's language, e.g. "亩均税收 8.00 万元/亩，低于门槛 15.00". */
@Component
public class EvaluationTexts {

	private final MessageSource messages;

	EvaluationTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Check c, Locale locale) {
		String indicator = messages.getMessage("evaluation.indicator." + c.indicator().name(), null, locale);
		return messages.getMessage("evaluation.reason." + c.reason().name(),
				new Object[] { indicator, plain(c.value()), plain(c.threshold()) }, locale);
	}

	static String plain(BigDecimal b) {
		return b == null ? "" : b.toPlainString();
	}
}
