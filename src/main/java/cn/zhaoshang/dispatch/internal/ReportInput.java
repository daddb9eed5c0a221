package cn.zhaoshang.dispatch.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's report on one project of a round: what happened in the period, the next steps, the problems needing
 * coordination (each a row: what, which unit or department/leader should solve it, by when; {@code id} keeps an
 * existing row and its decision) and whether it is submitted ({@code false}: saved as a draft). {@code version},
 * when given, must be the one read, else 409.
 */
public record ReportInput(String summary, String nextSteps, List<Problem> problems, boolean submit,
		Integer version) {

	/** One problem row of the report. */
	public record Problem(Long id, String text, Long ownerUnitId, String ownerName, LocalDate due) {
	}

	public List<Problem> problemsOrEmpty() {
		return problems == null ? List.of() : problems;
	}
}
