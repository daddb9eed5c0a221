package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.service.approval.ServiceProjects;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Figures;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Outcome;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Thresholds;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a project with {@link EvaluationPolicy}: the ledger's figures (planned investment, land need, annual
 * tax and output, jobs) and the evaluation's own (energy use, environmental category) against the thresholds that
 * apply to the project's unit (a county, district or park/zone such as 濮阳工业园区). Each numeric threshold the unit
 * set is its own; one it left blank, or every one when the unit set none, is the city's default. The environmental
 * categories and "required before signing" are the unit's when it has a row, else the city's. The evaluation keeps
 * which threshold came from where and its version ({@link Basis}), so that each reason names it. The city bureau sets
 * thresholds (page {@code /evaluation-thresholds}, API {@code /api/v1/evaluation-thresholds}), every change
 * audited as {@code evaluationThreshold}; unit editors enter their projects' energy and category.
 */
@Service
public class Evaluations {

	/** A project's evaluation with what it was computed from. */
	public record Evaluation(long projectId, Figures figures, Thresholds thresholds, boolean unitThresholds,
			Outcome outcome, int inputVersion, Basis basis) {
	}

	/**
	 * Where the thresholds applied come from.
	 *
	 * @param unitId the project's unit
	 * @param unitName its name
	 * @param unitVersion the version of the unit's own thresholds (null: it has none)
	 * @param cityVersion the version of the city's default (null: none set)
	 * @param fromUnit the indicators whose threshold is the unit's own (the others are the city's)
	 */
	public record Basis(long unitId, String unitName, Integer unitVersion, Integer cityVersion,
			Set<EvaluationPolicy.Indicator> fromUnit) {

		/** Whether the indicator's threshold is the unit's own (else the city default's). */
		public boolean fromUnit(EvaluationPolicy.Indicator indicator) {
			return fromUnit.contains(indicator);
		}
	}

	/** The thresholds row of a unit (null: the city default). */
	public record ThresholdRow(Long unitId, String unitName, Thresholds thresholds, int version) {
	}

	/** What a threshold write names. */
	public record ThresholdInput(Long unitId, BigDecimal minInvestmentPerMu, BigDecimal minTaxPerMu,
			BigDecimal maxEnergyPerOutput, Integer minJobs, Set<EnvCategory> conditionalCategories,
			boolean requiredBeforeSigning, Integer version) {
	}

	/** The audit record type of a thresholds row (id: the unit's, 0 for the city default). */
	public static final String RECORD = "evaluationThreshold";

	private final JdbcClient jdbc;
	private final ServiceProjects projects;
	private final Auditor auditor;

	Evaluations(JdbcClient jdbc, ServiceProjects projects, Auditor auditor) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.auditor = auditor;
	}

	public Evaluation of(long projectId, CurrentUser user) {
		projects.readable(projectId, user);
		return evaluate(projectId);
	}

	/** Without the user's rights: the stage gate and the project page's fragment (which checked them). */
	public Evaluation evaluate(long projectId) {
		record Row(long unit, Figures figures, int version) {
		}
		Row row = jdbc.sql("""
				SELECT p.unit_id, p.planned_investment, p.land_need_mu, p.annual_tax, p.annual_output, p.jobs,
				  e.energy_tce, e.env_category, COALESCE(e.version, -1) AS input_version
				FROM project p LEFT JOIN service_eval_input e ON e.project_id = p.id WHERE p.id = :p""")
			.param("p", projectId)
			.query((rs, n) -> new Row(rs.getLong("unit_id"),
					new Figures(rs.getBigDecimal("planned_investment"), rs.getBigDecimal("land_need_mu"),
							rs.getBigDecimal("annual_tax"), rs.getBigDecimal("annual_output"),
							rs.getBigDecimal("energy_tce"), (Integer) rs.getObject("jobs", Integer.class),
							rs.getString("env_category") == null ? null
									: EnvCategory.valueOf(rs.getString("env_category"))),
					rs.getInt("input_version")))
			.single();
		Optional<ThresholdRow> own = threshold(row.unit());
		Optional<ThresholdRow> city = threshold(null);
		Thresholds u = own.map(ThresholdRow::thresholds).orElse(null);
		Thresholds c = city.map(ThresholdRow::thresholds).orElse(Thresholds.NONE);
		Set<EvaluationPolicy.Indicator> fromUnit = EnumSet.noneOf(EvaluationPolicy.Indicator.class);
		Thresholds t = new Thresholds(
				pick(u == null ? null : u.minInvestmentPerMu(), c.minInvestmentPerMu(),
						EvaluationPolicy.Indicator.INVESTMENT_PER_MU, fromUnit),
				pick(u == null ? null : u.minTaxPerMu(), c.minTaxPerMu(), EvaluationPolicy.Indicator.TAX_PER_MU,
						fromUnit),
				pick(u == null ? null : u.maxEnergyPerOutput(), c.maxEnergyPerOutput(),
						EvaluationPolicy.Indicator.ENERGY_PER_OUTPUT, fromUnit),
				pick(u == null ? null : u.minJobs(), c.minJobs(), EvaluationPolicy.Indicator.JOBS, fromUnit),
				u != null ? u.conditionalCategories() : c.conditionalCategories(),
				u != null ? u.requiredBeforeSigning() : c.requiredBeforeSigning());
		if (u != null) {
			fromUnit.add(EvaluationPolicy.Indicator.ENVIRONMENTAL_CATEGORY);
		}
		String unitName = jdbc.sql("SELECT name FROM unit WHERE id = :u").param("u", row.unit())
			.query(String.class)
			.single();
		Basis basis = new Basis(row.unit(), unitName, own.map(ThresholdRow::version).orElse(null),
				city.map(ThresholdRow::version).orElse(null), Set.copyOf(fromUnit));
		return new Evaluation(projectId, row.figures(), t, own.isPresent(), EvaluationPolicy.evaluate(row.figures(), t),
				row.version(), basis);
	}

	/** The unit's own value when it set one, else the city's (and notes which). */
	private static <T> T pick(T unit, T city, EvaluationPolicy.Indicator indicator,
			Set<EvaluationPolicy.Indicator> fromUnit) {
		if (unit != null) {
			fromUnit.add(indicator);
			return unit;
		}
		return city;
	}

	Optional<ThresholdRow> threshold(Long unitId) {
		return jdbc.sql("SELECT t.*, u.name AS unit_name FROM service_eval_threshold t LEFT JOIN unit u ON u.id = t.unit_id"
				+ " WHERE " + (unitId == null ? "t.unit_id IS NULL" : "t.unit_id = :u"))
			.params(unitId == null ? Map.of() : Map.of("u", unitId))
			.query((rs, n) -> thresholdRow(rs))
			.optional();
	}

	public List<ThresholdRow> thresholds() {
		return jdbc.sql("""
				SELECT t.*, u.name AS unit_name FROM service_eval_threshold t LEFT JOIN unit u ON u.id = t.unit_id
				ORDER BY CASE WHEN t.unit_id IS NULL THEN 0 ELSE 1 END, u.sort_order, u.id""")
			.query((rs, n) -> thresholdRow(rs))
			.list();
	}

	private static ThresholdRow thresholdRow(java.sql.ResultSet rs) throws java.sql.SQLException {
		Long unit = rs.getObject("unit_id", Long.class);
		String cats = rs.getString("conditional_categories");
		Set<EnvCategory> set = cats == null || cats.isBlank() ? Set.of()
				: Arrays.stream(cats.split(",")).map(String::strip).map(EnvCategory::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(EnvCategory.class)));
		return new ThresholdRow(unit, rs.getString("unit_name"),
				new Thresholds(rs.getBigDecimal("min_investment_per_mu"), rs.getBigDecimal("min_tax_per_mu"),
						rs.getBigDecimal("max_energy_per_output"), rs.getObject("min_jobs", Integer.class), set,
						rs.getBoolean("required_before_signing")),
				rs.getInt("version"));
	}

	/** What is wrong with a thresholds input, each violation naming the field and the rule (empty: nothing). */
	List<Violation> check(ThresholdInput in) {
		List<Violation> v = new ArrayList<>();
		positive(v, "minInvestmentPerMu", in.minInvestmentPerMu());
		positive(v, "minTaxPerMu", in.minTaxPerMu());
		BigDecimal energy = in.maxEnergyPerOutput();
		if (energy != null && (energy.signum() < 0 || energy.stripTrailingZeros().scale() > 4
				|| energy.compareTo(new BigDecimal("99999999")) > 0)) {
			v.add(new Violation("maxEnergyPerOutput", "evaluation.validation.energy"));
		}
		if (in.minJobs() != null && in.minJobs() < 0) {
			v.add(new Violation("minJobs", "evaluation.validation.jobs"));
		}
		if (in.unitId() != null && jdbc.sql("SELECT COUNT(*) FROM unit WHERE id = :u").param("u", in.unitId())
			.query(Integer.class).single() == 0) {
			v.add(new Violation("unitId", "validation.unknown"));
		}
		return v;
	}

	/** Sets a unit's (or the city's) thresholds at the version read (null when creating). City bureau only. */
	@Transactional
	public ThresholdRow setThresholds(ThresholdInput in) {
		List<Violation> v = check(in);
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		Optional<ThresholdRow> before = threshold(in.unitId());
		String cats = in.conditionalCategories() == null ? "" : EnumSet.copyOf(
				in.conditionalCategories().isEmpty() ? EnumSet.noneOf(EnvCategory.class) : in.conditionalCategories())
			.stream().map(Enum::name).collect(Collectors.joining(","));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("u", in.unitId());
		params.put("inv", in.minInvestmentPerMu());
		params.put("tax", in.minTaxPerMu());
		params.put("energy", in.maxEnergyPerOutput());
		params.put("jobs", in.minJobs());
		params.put("cats", cats);
		params.put("required", in.requiredBeforeSigning());
		if (before.isEmpty()) {
			jdbc.sql("""
					INSERT INTO service_eval_threshold (unit_id, min_investment_per_mu, min_tax_per_mu,
					    max_energy_per_output, min_jobs, conditional_categories, required_before_signing)
					VALUES (:u, :inv, :tax, :energy, :jobs, :cats, :required)""")
				.params(params)
				.update();
		}
		else {
			if (in.version() == null || in.version() != before.get().version()) {
				throw new OptimisticLockingFailureException("stale thresholds");
			}
			params.put("v", in.version());
			jdbc.sql("""
					UPDATE service_eval_threshold SET min_investment_per_mu = :inv, min_tax_per_mu = :tax,
					    max_energy_per_output = :energy, min_jobs = :jobs, conditional_categories = :cats,
					    required_before_signing = :required, version = version + 1
					WHERE """ + (in.unitId() == null ? " unit_id IS NULL" : " unit_id = :u") + " AND version = :v")
				.params(params)
				.update();
		}
		ThresholdRow after = threshold(in.unitId()).orElseThrow();
		auditor.record(RECORD, in.unitId() == null ? 0L : in.unitId(),
				before.isEmpty() ? "CREATE" : "UPDATE", after.unitName() == null ? "" : after.unitName(),
				before.map(Evaluations::view).orElse(Map.of()), view(after));
		return after;
	}

	private static void positive(List<Violation> v, String field, BigDecimal value) {
		if (value != null) {
			Amount.violation(field, value).ifPresent(v::add);
		}
	}

	private static Map<String, Object> view(ThresholdRow r) {
		Map<String, Object> m = new LinkedHashMap<>();
		Thresholds t = r.thresholds();
		m.put("minInvestmentPerMu", t.minInvestmentPerMu() == null ? "" : t.minInvestmentPerMu().toPlainString());
		m.put("minTaxPerMu", t.minTaxPerMu() == null ? "" : t.minTaxPerMu().toPlainString());
		m.put("maxEnergyPerOutput", t.maxEnergyPerOutput() == null ? "" : t.maxEnergyPerOutput().toPlainString());
		m.put("minJobs", t.minJobs() == null ? "" : t.minJobs());
		m.put("conditionalCategories", t.conditionalCategories().stream().map(Enum::name).sorted()
			.collect(Collectors.joining(",")));
		m.put("requiredBeforeSigning", t.requiredBeforeSigning());
		return m;
	}

	/** Records a project's energy use (tce per year) and environmental category at the version read. */
	@Transactional
	public Evaluation setInputs(long projectId, BigDecimal energyTce, EnvCategory category, Integer version,
			CurrentUser user) {
		ProjectSummary p = projects.editable(projectId, user);
		if (energyTce != null) {
			Amount.violation("energyTce", energyTce).ifPresent(x -> {
				throw new InvalidInputException(List.of(x));
			});
		}
		Evaluation before = evaluate(projectId);
		if (before.inputVersion() < 0) {
			jdbc.sql("INSERT INTO service_eval_input (project_id, energy_tce, env_category) VALUES (:p, :e, :c)")
				.param("p", projectId)
				.param("e", energyTce)
				.param("c", category == null ? null : category.name())
				.update();
		}
		else {
			int n = jdbc.sql("""
					UPDATE service_eval_input SET energy_tce = :e, env_category = :c, version = version + 1
					WHERE project_id = :p AND version = :v""")
				.param("p", projectId)
				.param("e", energyTce)
				.param("c", category == null ? null : category.name())
				.param("v", version == null ? -1 : version)
				.update();
			if (n == 0) {
				throw new OptimisticLockingFailureException("stale evaluation input");
			}
		}
		Evaluation after = evaluate(projectId);
		auditor.record("projectEvaluation", projectId, "UPDATE", p.code() + " " + p.name(),
				Map.of("energyTce", str(before.figures().energyTce()), "envCategory", str(before.figures().envCategory()),
						"evaluationResult", before.outcome().result().name()),
				Map.of("energyTce", str(after.figures().energyTce()), "envCategory", str(after.figures().envCategory()),
						"evaluationResult", after.outcome().result().name()));
		return after;
	}

	private static String str(Object o) {
		return o == null ? "" : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
	}
}
