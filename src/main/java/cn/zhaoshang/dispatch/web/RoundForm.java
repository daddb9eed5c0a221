package cn.zhaoshang.dispatch.web;

import java.time.LocalDate;

import cn.zhaoshang.dispatch.internal.RoundInput;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form to open a round; {@code scope} is {@code default} (every active negotiating, signed or commenced
 * project) or {@code empty} (the bureau adds projects afterwards).
 */
public record RoundForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Long chairPersonId, String scope) {

	RoundInput input() {
		return new RoundInput(name, periodFrom, periodTo, deadline, chairPersonId,
				"empty".equals(scope) ? java.util.List.of() : null);
	}
}
