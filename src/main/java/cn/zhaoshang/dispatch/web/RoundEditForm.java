package cn.zhaoshang.dispatch.web;

import java.time.LocalDate;

import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.RoundInput;

import org.springframework.format.annotation.DateTimeFormat;

/** The form to edit an open round's header; {@code version} is the one the user read (optimistic locking). */
public record RoundEditForm(String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Long chairPersonId, Integer version) {

	static RoundEditForm of(DispatchRound r) {
		return new RoundEditForm(r.name(), r.periodFrom(), r.periodTo(), r.deadline(), r.chairPersonId(),
				r.version());
	}

	RoundInput input() {
		return new RoundInput(name, periodFrom, periodTo, deadline, chairPersonId, null);
	}

	RoundEditForm withVersion(int current) {
		return new RoundEditForm(name, periodFrom, periodTo, deadline, chairPersonId, current);
	}
}
