package cn.zhaoshang.dispatch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

/**
 * What opening a round takes: its name, the period it covers, the report deadline, the chairing leader (a person
 * record, optional) and the projects in scope ({@code null}: every ACTIVE negotiating, signed or commenced project).
 * Checks itself ({@link #check}): each broken rule names its field.
 */
public record RoundInput(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline,
		Long chairPersonId, List<Long> projectIds) {

	static final int NAME_MAX = 200;

	/** The rules of the fields alone; throws every broken one at once. */
	public RoundInput check() {
		List<Violation> broken = new ArrayList<>();
		if (name == null || name.isBlank()) {
			broken.add(new Violation("name", "validation.required"));
		}
		else if (name.strip().length() > NAME_MAX) {
			broken.add(new Violation("name", "dispatch.validation.tooLong", NAME_MAX));
		}
		if (periodFrom == null) {
			broken.add(new Violation("periodFrom", "validation.required"));
		}
		if (periodTo == null) {
			broken.add(new Violation("periodTo", "validation.required"));
		}
		if (deadline == null) {
			broken.add(new Violation("deadline", "validation.required"));
		}
		if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
			broken.add(new Violation("periodTo", "dispatch.validation.periodOrder"));
		}
		if (periodFrom != null && deadline != null && deadline.isBefore(periodFrom)) {
			broken.add(new Violation("deadline", "dispatch.validation.deadlineBeforePeriod"));
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		return new RoundInput(name.strip(), periodFrom, periodTo, deadline, chairPersonId, projectIds);
	}
}
