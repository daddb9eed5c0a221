package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The half-year observation's use cases and who may do what: the city bureau (administrators and city supervisors)
 * creates, edits (while a draft), opens for scoring and closes an event; a judge who is a user scores only their own
 * sheet, the bureau enters the sheets of judges named without an account (paper sheets); every internal role reads
 * the event, and its results once it is closed (the bureau also while scoring). Every write is audited as
 * {@code observation_event} or {@code observation_sheet}.
 */
@Service
public class Observations {

	public static final String RECORD_TYPE = "observation_event";

	public static final String SHEET_RECORD_TYPE = "observation_sheet";

	static final int MAX_TITLE = 200;

	static final int MAX_NAME = 100;

	static final int MAX_ROUTE = 4000;

	static final BigDecimal MAX_CRITERION_POINTS = BigDecimal.valueOf(1000);

	/** An event as the bureau describes it; a judge is a user id or a name. */
	public record Input(String title, LocalDate date, List<String> route, boolean dropExtremes,
			List<CriterionInput> criteria, List<Long> projectIds, List<JudgeInput> judges) {
	}

	public record CriterionInput(String name, BigDecimal maxPoints) {
	}

	public record JudgeInput(Long userId, String name) {
	}

	/** One cell of a judge's sheet: observed project id (the event's row), criterion id, points. */
	public record Cell(long projectId, long criterionId, BigDecimal points) {
	}

	private final ObservationStore store;
	private final ProjectSummaries projects;
	private final JdbcClient jdbc;
	private final Auditor auditor;

	Observations(ObservationStore store, ProjectSummaries projects, JdbcClient jdbc, Auditor auditor) {
		this.store = store;
		this.projects = projects;
		this.jdbc = jdbc;
		this.auditor = auditor;
	}

	/** The city bureau organises observations. */
	public static boolean organiser(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/** Whether the user may read the results of the event now. */
	public static boolean mayReadResults(Observation event, CurrentUser user) {
		return event.status() == ObservationStatus.CLOSED
				|| organiser(user) && event.status() == ObservationStatus.SCORING;
	}

	/** Whether the user may read and fill in this judge's sheet. */
	public static boolean mayScore(Observation.Judge judge, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (judge.userId() != null) {
			return judge.userId() == user.id().value();
		}
		return organiser(user);
	}

	public Observation get(long id) {
		return store.find(id).orElseThrow(NotFoundException::new);
	}

	public List<ObservationStore.Summary> ofYear(int year) {
		return store.ofYear(year);
	}

	@Transactional
	public long create(Input input, CurrentUser user) {
		requireOrganiser(user);
		ObservationStore.Draft draft = draft(input);
		long id = store.insert(draft, user.getUsername());
		Observation created = get(id);
		auditor.record(RECORD_TYPE, id, "CREATE", created.title(), Map.of(), audit(created));
		return id;
	}

	@Transactional
	public Observation update(long id, int version, Input input, CurrentUser user) {
		requireOrganiser(user);
		Observation before = get(id);
		if (before.status() != ObservationStatus.DRAFT) {
			throw new BusinessException(409, "observation.error.notDraft");
		}
		if (before.version() != version) {
			throw new OptimisticLockingFailureException("observation " + id + " changed");
		}
		store.update(id, version, draft(input), user.getUsername());
		Observation after = get(id);
		auditor.record(RECORD_TYPE, id, "UPDATE", after.title(), audit(before), audit(after));
		return after;
	}

	/** Draft to scoring: the structure is fixed from now on. */
	@Transactional
	public Observation openScoring(long id, int version, CurrentUser user) {
		requireOrganiser(user);
		Observation before = get(id);
		if (before.status() != ObservationStatus.DRAFT) {
			throw new BusinessException(409, "observation.error.notDraft");
		}
		if (before.version() != version) {
			throw new OptimisticLockingFailureException("observation " + id + " changed");
		}
		store.status(id, version, ObservationStatus.DRAFT, ObservationStatus.SCORING, user.getUsername());
		auditor.record(RECORD_TYPE, id, "OPEN_SCORING", before.title(), Map.of("status", "DRAFT"),
				Map.of("status", "SCORING"));
		return get(id);
	}

	/**
	 * Scoring to closed: the results are computed and frozen (copied), the sheets can no longer change. Refused
	 * while a project has no complete judge total.
	 */
	@Transactional
	public Observation close(long id, int version, CurrentUser user) {
		requireOrganiser(user);
		Observation before = get(id);
		if (before.status() != ObservationStatus.SCORING) {
			throw new BusinessException(409, "observation.error.notScoring");
		}
		if (before.version() != version) {
			throw new OptimisticLockingFailureException("observation " + id + " changed");
		}
		store.status(id, version, ObservationStatus.SCORING, ObservationStatus.CLOSED, user.getUsername());
		ObservationResults results = ObservationResults.compute(before, store.points(id));
		List<String> unscored = results.projects().stream().filter(p -> p.score() == null).map(p -> p.code()).toList();
		if (!unscored.isEmpty()) {
			throw new BusinessException(409, "observation.error.unscored", String.join(", ", unscored));
		}
		store.freeze(id, results);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", "CLOSED");
		after.put("results", String.join("; ",
				results.projects().stream().map(p -> p.code() + " " + p.score() + " #" + p.rank()).toList()));
		auditor.record(RECORD_TYPE, id, "CLOSE", before.title(), Map.of("status", "SCORING"), after);
		return get(id);
	}

	/** The results: computed from the sheets while scoring, the frozen copy once closed. */
	public ObservationResults results(Observation event, CurrentUser user) {
		if (!mayReadResults(event, user)) {
			throw new BusinessException(403, "observation.error.resultsNotPublished");
		}
		return event.status() == ObservationStatus.CLOSED ? store.frozen(event.id())
				: ObservationResults.compute(event, store.points(event.id()));
	}

	/** A judge's sheet: their points by observed project and criterion. */
	public Map<String, BigDecimal> sheet(Observation event, long judgeId, CurrentUser user) {
		Observation.Judge judge = event.judge(judgeId).orElseThrow(NotFoundException::new);
		if (!mayScore(judge, user)) {
			throw new BusinessException(403, "observation.error.notYourSheet");
		}
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		store.points(event.id())
			.stream()
			.filter(p -> p.judgeId() == judgeId)
			.forEach(p -> cells.put(p.observedId() + "/" + p.criterionId(), p.points()));
		return cells;
	}

	/**
	 * A judge's sheet saved whole at the version read (blank cells are left unscored): only the judge, or the bureau
	 * for a judge without an account; only while the event scores; each points value 0 to the criterion's maximum
	 * with at most one decimal (422 naming project and criterion).
	 */
	@Transactional
	public int saveSheet(long eventId, long judgeId, int version, List<Cell> cells, CurrentUser user) {
		Observation event = get(eventId);
		Observation.Judge judge = event.judge(judgeId).orElseThrow(NotFoundException::new);
		if (!mayScore(judge, user)) {
			throw new BusinessException(403, "observation.error.notYourSheet");
		}
		if (event.status() != ObservationStatus.SCORING) {
			throw new BusinessException(409, "observation.error.notScoring");
		}
		if (judge.version() != version) {
			throw new OptimisticLockingFailureException("sheet " + judgeId + " changed");
		}
		Map<Long, Observation.Criterion> criteria = new LinkedHashMap<>();
		event.criteria().forEach(c -> criteria.put(c.id(), c));
		Map<Long, Observation.ObservedProject> observed = new LinkedHashMap<>();
		event.projects().forEach(p -> observed.put(p.id(), p));
		List<Violation> problems = new ArrayList<>();
		List<ObservationResults.Points> points = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			Observation.Criterion criterion = criteria.get(cell.criterionId());
			Observation.ObservedProject project = observed.get(cell.projectId());
			String field = "scores[" + i + "].points";
			if (criterion == null || project == null) {
				problems.add(new Violation(field, "observation.rule.unknownCell"));
				continue;
			}
			if (!seen.add(cell.projectId() + "/" + cell.criterionId())) {
				problems.add(new Violation(field, "observation.rule.duplicateCell", project.name(), criterion.name()));
				continue;
			}
			if (cell.points() == null) {
				continue;
			}
			if (cell.points().signum() < 0 || cell.points().compareTo(criterion.maxPoints()) > 0
					|| cell.points().stripTrailingZeros().scale() > 1) {
				problems.add(new Violation(field, "observation.rule.points", project.name(), criterion.name(),
						criterion.maxPoints().stripTrailingZeros().toPlainString()));
				continue;
			}
			points.add(new ObservationResults.Points(judgeId, project.id(), criterion.id(),
					cell.points().setScale(1, java.math.RoundingMode.UNNECESSARY)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, BigDecimal> before = sheet(event, judgeId, user);
		int next = store.saveSheet(eventId, judgeId, version, points);
		Map<String, BigDecimal> saved = new java.util.TreeMap<>();
		points.forEach(p -> saved.put(p.observedId() + "/" + p.criterionId(), p.points()));
		auditor.record(SHEET_RECORD_TYPE, judgeId, "UPDATE", event.title() + " " + judge.name(),
				Map.of("points", sheetText(before)), Map.of("points", sheetText(saved)));
		return next;
	}

	/** The closed events of a year with their frozen results (the year-end summary). */
	public List<Closed> closedOfYear(int year) {
		return store.closedOfYear(year)
			.stream()
			.map(s -> new Closed(s.id(), s.title(), s.date(), store.frozen(s.id())))
			.toList();
	}

	/** A closed event and its frozen results. */
	public record Closed(long id, String title, LocalDate date, ObservationResults results) {
	}

	/** The rules an input breaks, without saving anything (a page shows them beside its own parsing problems). */
	public List<Violation> problems(Input input) {
		try {
			draft(input);
			return List.of();
		}
		catch (InvalidInputException e) {
			return e.violations();
		}
	}

	private ObservationStore.Draft draft(Input input) {
		List<Violation> problems = new ArrayList<>();
		String title = strip(input.title());
		if (title == null) {
			problems.add(new Violation("title", "observation.rule.required"));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new Violation("title", "observation.rule.tooLong", MAX_TITLE));
		}
		if (input.date() == null) {
			problems.add(new Violation("date", "observation.rule.required"));
		}
		List<String> route = input.route() == null ? List.of()
				: input.route().stream().map(Observations::strip).filter(s -> s != null).toList();
		if (String.join("\n", route).length() > MAX_ROUTE) {
			problems.add(new Violation("route", "observation.rule.tooLong", MAX_ROUTE));
		}
		List<ObservationStore.NewCriterion> criteria = new ArrayList<>();
		List<CriterionInput> givenCriteria = input.criteria() == null ? List.of() : input.criteria();
		if (givenCriteria.isEmpty()) {
			problems.add(new Violation("criteria", "observation.rule.atLeastOne"));
		}
		for (int i = 0; i < givenCriteria.size(); i++) {
			CriterionInput c = givenCriteria.get(i);
			String name = c == null ? null : strip(c.name());
			if (name == null) {
				problems.add(new Violation("criteria[" + i + "].name", "observation.rule.required"));
			}
			else if (name.length() > MAX_NAME) {
				problems.add(new Violation("criteria[" + i + "].name", "observation.rule.tooLong", MAX_NAME));
			}
			BigDecimal max = c == null ? null : c.maxPoints();
			if (max == null || max.signum() <= 0 || max.compareTo(MAX_CRITERION_POINTS) > 0
					|| max.stripTrailingZeros().scale() > 1) {
				problems.add(new Violation("criteria[" + i + "].maxPoints", "observation.rule.maxPoints",
						MAX_CRITERION_POINTS));
			}
			else if (name != null) {
				criteria.add(new ObservationStore.NewCriterion(name, max.setScale(1)));
			}
		}
		List<Long> ids = input.projectIds() == null ? List.of()
				: input.projectIds().stream().filter(i -> i != null).distinct().toList();
		List<ObservationStore.NewProject> observed = new ArrayList<>();
		if (ids.isEmpty()) {
			problems.add(new Violation("projectIds", "observation.rule.atLeastOne"));
		}
		else {
			Map<Long, ProjectSummary> found = new LinkedHashMap<>();
			projects.find(ids.stream().map(ProjectId::new).toList()).forEach(p -> found.put(p.id().value(), p));
			for (Long id : ids) {
				ProjectSummary p = found.get(id);
				if (p == null) {
					problems.add(new Violation("projectIds", "observation.rule.unknownProject", id));
				}
				else {
					observed.add(new ObservationStore.NewProject(id, p.unitId()));
				}
			}
		}
		List<JudgeInput> givenJudges = input.judges() == null ? List.of() : input.judges();
		List<ObservationStore.NewJudge> judges = new ArrayList<>();
		Set<Long> users = new HashSet<>();
		if (givenJudges.isEmpty()) {
			problems.add(new Violation("judges", "observation.rule.atLeastOne"));
		}
		for (int i = 0; i < givenJudges.size(); i++) {
			JudgeInput j = givenJudges.get(i);
			String field = "judges[" + i + "].name";
			if (j != null && j.userId() != null) {
				Optional<String> name = jdbc.sql(
						"SELECT display_name FROM app_user WHERE id = :id AND enabled AND role <> 'INTERMEDIARY'")
					.param("id", j.userId())
					.query(String.class)
					.optional();
				if (name.isEmpty()) {
					problems.add(new Violation("judges[" + i + "].userId", "observation.rule.unknownUser", j.userId()));
				}
				else if (!users.add(j.userId())) {
					problems.add(new Violation("judges[" + i + "].userId", "observation.rule.duplicateJudge"));
				}
				else {
					judges.add(new ObservationStore.NewJudge(j.userId(), name.get()));
				}
				continue;
			}
			String name = j == null ? null : strip(j.name());
			if (name == null) {
				problems.add(new Violation(field, "observation.rule.required"));
			}
			else if (name.length() > MAX_NAME) {
				problems.add(new Violation(field, "observation.rule.tooLong", MAX_NAME));
			}
			else {
				judges.add(new ObservationStore.NewJudge(null, name));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ObservationStore.Draft(title, input.date(), route, input.dropExtremes(), criteria, observed,
				judges);
	}

	private static Map<String, Object> audit(Observation o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("title", o.title());
		m.put("date", o.date().toString());
		m.put("route", String.join(" / ", o.route()));
		m.put("dropExtremes", o.dropExtremes());
		m.put("criteria", String.join(", ", o.criteria().stream().map(c -> c.name() + " " + c.maxPoints()).toList()));
		m.put("projects", String.join(", ", o.projects().stream().map(Observation.ObservedProject::code).toList()));
		m.put("judges", String.join(", ", o.judges().stream().map(Observation.Judge::name).toList()));
		return m;
	}

	/** A sheet for the audit trail: project/criterion and points, in key order, as one field. */
	private static String sheetText(Map<String, BigDecimal> points) {
		return String.join("; ", new java.util.TreeMap<>(points).entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> e.getKey() + " " + e.getValue().toPlainString())
			.toList());
	}

	private static void requireOrganiser(CurrentUser user) {
		if (!organiser(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
