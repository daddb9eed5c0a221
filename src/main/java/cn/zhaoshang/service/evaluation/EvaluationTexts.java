package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.Locale;

import cn.zhaoshang.service.evaluation.EvaluationPolicy.Check;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** One evaluation check as a sentence in the reader's language, naming whose threshold applied. */
@Component
public class EvaluationTexts {

	private final MessageSource messages;

	EvaluationTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The check's sentence, naming whose threshold applied, e.g. "…，低于濮阳工业园区门槛（第 2 版）15.00". */
	public String text(Check c, Evaluations.Basis basis, Locale locale) {
		String indicator = messages.getMessage("evaluation.indicator." + c.indicator().name(), null, locale);
		return messages.getMessage("evaluation.reason." + c.reason().name(),
				new Object[] { indicator, plain(c.value()), plain(c.threshold()), source(c, basis, locale) }, locale);
	}

	/** Whose threshold applied to the check: the unit's own (with its version) or the city default's. */
	public String source(Check c, Evaluations.Basis basis, Locale locale) {
		if (basis.fromUnit(c.indicator())) {
			return messages.getMessage("evaluation.source.unit",
					new Object[] { basis.unitName(), version(basis.unitVersion()) }, locale);
		}
		return messages.getMessage("evaluation.source.city", new Object[] { version(basis.cityVersion()) }, locale);
	}

	/** The line above the reasons: which thresholds the evaluation used. */
	public String basis(Evaluations.Basis basis, Locale locale) {
		if (basis.unitVersion() == null) {
			return messages.getMessage("evaluation.basis.city",
					new Object[] { basis.unitName(), version(basis.cityVersion()) }, locale);
		}
		return messages.getMessage("evaluation.basis.unit", new Object[] { basis.unitName(),
				version(basis.unitVersion()), version(basis.cityVersion()) }, locale);
	}

	/** Versions count from 1 for readers (the stored optimistic-lock version counts from 0). */
	private static String version(Integer stored) {
		return stored == null ? "-" : String.valueOf(stored + 1);
	}

	static String plain(BigDecimal b) {
		return b == null ? "" : b.toPlainString();
	}
}
