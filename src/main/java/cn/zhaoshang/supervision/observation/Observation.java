package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.platform.UnitId;

/**
 * A half-year observation event (issue 11) as it is stored: its date, its route as ordered stops, whether the
 * highest and the lowest judge total of a project are dropped, its scoring criteria, the ledger projects observed
 * (each with the unit it is credited to in the results: its landing unit when it was added) and its judges.
 */
public record Observation(long id, String title, LocalDate date, List<String> route, boolean dropExtremes,
		ObservationStatus status, int version, List<Criterion> criteria, List<ObservedProject> projects,
		List<Judge> judges) {

	/** A scoring criterion with its maximum points (e.g. project scale, 20). */
	public record Criterion(long id, String name, BigDecimal maxPoints) {
	}

	/** An observed project; {@code id} is the event's row, {@code projectId} the ledger's. */
	public record ObservedProject(long id, long projectId, String code, String name, UnitId unitId, String unitName) {
	}

	/** A judge: a user of the system ({@code userId}) or a named person whose sheet the bureau enters. */
	public record Judge(long id, Long userId, String name, int version) {
	}

	public Optional<Judge> judge(long judgeId) {
		return judges.stream().filter(j -> j.id() == judgeId).findFirst();
	}

	public int year() {
		return date.getYear();
	}
}
