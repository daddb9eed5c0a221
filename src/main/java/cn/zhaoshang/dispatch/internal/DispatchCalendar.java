package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.platform.Settings;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dispatch calendar: the year is cut into periods of {@code dispatch.periodMonths} months (two by default:
 * January-February, March-April …); the form to open a round suggests the period that contains today, its number in
 * the year, its name (e.g. 2026年第5次（9-10月）项目调度) and the period's last day as the report deadline.
 */
@Component
public class DispatchCalendar {

	/** A suggested round. */
	public record Suggestion(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline) {
	}

	private final Settings settings;
	private final MessageSource messages;
	private final Clock clock;

	DispatchCalendar(Settings settings, MessageSource messages, Clock clock) {
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	public Suggestion suggest(Locale locale) {
		return suggest(LocalDate.now(clock), settings.intValue(DispatchSettings.PERIOD_MONTHS), locale);
	}

	Suggestion suggest(LocalDate today, int months, Locale locale) {
		int span = Math.max(1, Math.min(12, months));
		int index = (today.getMonthValue() - 1) / span;
		LocalDate from = LocalDate.of(today.getYear(), index * span + 1, 1);
		LocalDate to = from.plusMonths(span).minusDays(1);
		if (to.getYear() != from.getYear()) {
			to = LocalDate.of(from.getYear(), 12, 31);
		}
		String name = messages.getMessage("dispatch.round.suggestedName",
				new Object[] { String.valueOf(from.getYear()), index + 1, from.getMonthValue(), to.getMonthValue() },
				locale);
		return new Suggestion(name, from, to, to);
	}

	int remindDaysBefore() {
		return settings.intValue(DispatchSettings.REMIND_DAYS);
	}
}
