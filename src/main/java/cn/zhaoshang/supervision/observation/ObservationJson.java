package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;

/** The JSON of the observation API. */
final class ObservationJson {

	private ObservationJson() {
	}

	/** A new event, or a draft's change (then with the version read). */
	record Body(String title, LocalDate date, List<String> route, Boolean dropExtremes, List<CriterionBody> criteria,
			List<Long> projectIds, List<JudgeBody> judges, Integer version) {

		Observations.Input input() {
			return new Observations.Input(title, date, route, Boolean.TRUE.equals(dropExtremes),
					criteria == null ? null
							: criteria.stream()
								.map(c -> c == null ? null : new Observations.CriterionInput(c.name(), c.maxPoints()))
								.toList(),
					projectIds,
					judges == null ? null
							: judges.stream()
								.map(j -> j == null ? null : new Observations.JudgeInput(j.userId(), j.name()))
								.toList());
		}
	}

	record CriterionBody(String name, BigDecimal maxPoints) {
	}

	record JudgeBody(Long userId, String name) {
	}

	/** The version the caller read, for a status change. */
	record VersionBody(Integer version) {
	}

	record Summary(long id, String title, LocalDate date, String status, int projects, int judges) {

		static Summary of(ObservationStore.Summary s) {
			return new Summary(s.id(), s.title(), s.date(), s.status().name(), s.projects(), s.judges());
		}
	}

	record Page(int year, List<Summary> items) {
	}

	record Detail(long id, String title, LocalDate date, List<String> route, boolean dropExtremes, String status,
			int version, List<Criterion> criteria, List<Project> projects, List<Judge> judges,
			boolean resultsAvailable) {

		static Detail of(Observation o, CurrentUser user) {
			return new Detail(o.id(), o.title(), o.date(), o.route(), o.dropExtremes(), o.status().name(), o.version(),
					o.criteria().stream().map(c -> new Criterion(c.id(), c.name(), c.maxPoints())).toList(),
					o.projects()
						.stream()
						.map(p -> new Project(p.id(), p.projectId(), p.code(), p.name(), p.unitId().value(),
								p.unitName()))
						.toList(),
					o.judges()
						.stream()
						.map(j -> new Judge(j.id(), j.userId(), j.name(), j.version(), Observations.mayScore(j, user)))
						.toList(),
					Observations.mayReadResults(o, user));
		}
	}

	record Criterion(long id, String name, BigDecimal maxPoints) {
	}

	/** An observed project: {@code id} is the event's row (used on sheets), {@code projectId} the ledger's. */
	record Project(long id, long projectId, String code, String name, long unitId, String unitName) {
	}

	/** A judge; {@code mayScore} says whether the caller fills in this sheet. */
	record Judge(long id, Long userId, String name, int version, boolean mayScore) {
	}

	record Cell(Long projectId, Long criterionId, BigDecimal points) {
	}

	record SheetBody(Integer version, List<Cell> scores) {
	}

	record Sheet(long eventId, long judgeId, String judgeName, String status, int version, List<Cell> scores) {

		static Sheet of(Observation o, Observation.Judge judge, Map<String, BigDecimal> cells) {
			List<Cell> scores = cells.entrySet().stream().map(e -> {
				String[] ids = e.getKey().split("/");
				return new Cell(Long.valueOf(ids[0]), Long.valueOf(ids[1]), e.getValue());
			}).toList();
			return new Sheet(o.id(), judge.id(), judge.name(), o.status().name(), judge.version(), scores);
		}
	}

	record UnitResult(int rank, long unitId, String unitName, int projects, BigDecimal score) {
	}

	record ProjectResult(int rank, long projectId, String code, String name, long unitId, String unitName,
			int counted, BigDecimal score) {
	}

	/** The results; {@code frozen} when the event is closed (else computed from the sheets as they are). */
	record Results(long eventId, String status, boolean frozen, boolean dropExtremes, List<UnitResult> units,
			List<ProjectResult> projects) {

		static Results of(Observation o, ObservationResults r) {
			return new Results(o.id(), o.status().name(), o.status() == ObservationStatus.CLOSED, o.dropExtremes(),
					r.units()
						.stream()
						.map(u -> new UnitResult(u.rank(), u.unitId().value(), u.unitName(), u.projects(), u.score()))
						.toList(),
					r.projects()
						.stream()
						.map(p -> new ProjectResult(p.rank(), p.projectId(), p.code(), p.name(), p.unitId().value(),
								p.unitName(), p.counted(), p.score()))
						.toList());
		}
	}
}
