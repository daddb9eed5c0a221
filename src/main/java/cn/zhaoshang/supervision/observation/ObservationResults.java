package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitId;

/**
 * The results of an observation, computed from the judges' sheets (or read back frozen once the event is closed).
 * <p>
 * The rules, in the order they apply (docs/api-supervision-observation.md repeats them for readers):
 * <ol>
 * <li>A judge's total for a project is the sum of the points given on every criterion. A judge who has not scored
 * every criterion of a project gives no total for it (an unfinished sheet neither counts nor drags the average).</li>
 * <li>A project's score is the mean of its judges' totals. When the event drops extremes and at least three totals
 * exist, one highest and one lowest total are left out first. The mean is rounded half up to two decimals.</li>
 * <li>A unit's score is the mean of the (rounded) scores of its observed projects that have a score, rounded half
 * up to two decimals.</li>
 * <li>Ranks go by score, highest first; equal scores share a rank and the next rank skips (1, 1, 3). A project
 * or unit without any score is listed last, without a rank.</li>
 * </ol>
 */
public record ObservationResults(List<ProjectResult> projects, List<UnitResult> units) {

	/**
	 * One project's result.
	 *
	 * @param counted how many judge totals the score averages (after dropping extremes)
	 * @param totals every complete judge total, by judge order (before dropping)
	 * @param rank 0 when the project has no score
	 */
	public record ProjectResult(long observedId, long projectId, String code, String name, UnitId unitId,
			String unitName, BigDecimal score, int rank, int counted, List<BigDecimal> totals) {
	}

	/** One unit's result: the mean of its projects' scores; rank 0 when none of its projects has one. */
	public record UnitResult(UnitId unitId, String unitName, int projects, BigDecimal score, int rank) {
	}

	/** A judge's points: judge id, observed project id and criterion id to points. */
	public record Points(long judgeId, long observedId, long criterionId, BigDecimal points) {
	}

	/** The results of an event from its sheets, by the rules above. */
	public static ObservationResults compute(Observation event, List<Points> points) {
		Map<String, BigDecimal> byCell = new LinkedHashMap<>();
		for (Points p : points) {
			byCell.put(p.judgeId() + "/" + p.observedId() + "/" + p.criterionId(), p.points());
		}
		List<ProjectResult> projects = new ArrayList<>();
		for (Observation.ObservedProject project : event.projects()) {
			List<BigDecimal> totals = new ArrayList<>();
			for (Observation.Judge judge : event.judges()) {
				BigDecimal total = BigDecimal.ZERO;
				boolean complete = !event.criteria().isEmpty();
				for (Observation.Criterion criterion : event.criteria()) {
					BigDecimal given = byCell.get(judge.id() + "/" + project.id() + "/" + criterion.id());
					if (given == null) {
						complete = false;
						break;
					}
					total = total.add(given);
				}
				if (complete) {
					totals.add(total);
				}
			}
			List<BigDecimal> counted = new ArrayList<>(totals);
			if (event.dropExtremes() && counted.size() >= 3) {
				counted.sort(Comparator.naturalOrder());
				counted = new ArrayList<>(counted.subList(1, counted.size() - 1));
			}
			BigDecimal score = mean(counted);
			projects.add(new ProjectResult(project.id(), project.projectId(), project.code(), project.name(),
					project.unitId(), project.unitName(), score, 0, counted.size(), List.copyOf(totals)));
		}
		Map<UnitId, List<ProjectResult>> byUnit = new LinkedHashMap<>();
		for (ProjectResult p : projects) {
			byUnit.computeIfAbsent(p.unitId(), u -> new ArrayList<>()).add(p);
		}
		List<UnitResult> units = new ArrayList<>();
		byUnit.forEach((unit, list) -> units.add(new UnitResult(unit, list.get(0).unitName(), list.size(),
				mean(list.stream().map(ProjectResult::score).filter(s -> s != null).toList()), 0)));
		return new ObservationResults(rankProjects(projects), rankUnits(units));
	}

	static BigDecimal mean(List<BigDecimal> values) {
		if (values.isEmpty()) {
			return null;
		}
		BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
	}

	private static List<ProjectResult> rankProjects(List<ProjectResult> projects) {
		List<ProjectResult> sorted = new ArrayList<>(projects);
		sorted.sort(Comparator.comparing(ProjectResult::score, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(ProjectResult::code, Comparator.nullsLast(Comparator.naturalOrder())));
		List<ProjectResult> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			ProjectResult p = sorted.get(i);
			int rank = p.score() == null ? 0 : rank(i, p.score(), i == 0 ? null : ranked.get(i - 1));
			ranked.add(new ProjectResult(p.observedId(), p.projectId(), p.code(), p.name(), p.unitId(), p.unitName(),
					p.score(), rank, p.counted(), p.totals()));
		}
		return List.copyOf(ranked);
	}

	private static int rank(int index, BigDecimal score, ProjectResult previous) {
		return previous != null && previous.score() != null && previous.score().compareTo(score) == 0
				? previous.rank() : index + 1;
	}

	private static List<UnitResult> rankUnits(List<UnitResult> units) {
		List<UnitResult> sorted = new ArrayList<>(units);
		sorted.sort(Comparator.comparing(UnitResult::score, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(UnitResult::unitName));
		List<UnitResult> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			UnitResult u = sorted.get(i);
			UnitResult previous = i == 0 ? null : ranked.get(i - 1);
			int rank = u.score() == null ? 0
					: previous != null && previous.score() != null && previous.score().compareTo(u.score()) == 0
							? previous.rank() : i + 1;
			ranked.add(new UnitResult(u.unitId(), u.unitName(), u.projects(), u.score(), rank));
		}
		return List.copyOf(ranked);
	}
}
