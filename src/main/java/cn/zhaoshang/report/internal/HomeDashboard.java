package cn.zhaoshang.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.report.DashboardPanel;
import cn.zhaoshang.report.DashboardPanel.Publication;
import cn.zhaoshang.report.internal.DashboardData.Bar;
import cn.zhaoshang.report.internal.DashboardData.Figure;
import cn.zhaoshang.report.internal.DashboardData.Funds;
import cn.zhaoshang.report.internal.DashboardData.FundsMonth;
import cn.zhaoshang.report.internal.DashboardData.IndicatorCompletion;
import cn.zhaoshang.report.internal.DashboardData.StageBar;
import cn.zhaoshang.report.internal.DashboardData.UnitCompletion;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home dashboard's read model (issue 11). Three plain SQL statements over the ledger (projects by stage with
 * the key and stalled ones folded in, projects by chain, funds rows by month) and the supervision figures for
 * completion; a few milliseconds each at the scale of a city.
 * <p>
 * What each reader sees: the city bureau, administrators and viewers the city; a unit user their unit against the
 * city (projects whose landing unit is theirs, the same rows the ledger filtered by unit lists); a leader whose
 * people record is linked to their account the projects they lead (a leader without one sees the city). The
 * ledger's stock (stages, chains, key projects, stalled marks) and funds by month are counted by landing unit, as
 * the pages the elements link to list them, so that a bar's number is the number of rows it opens; target
 * completion comes from the supervision figures, through the credit shares. Dropped projects are left out of the
 * stock as the ledger leaves them out by default; funds that arrived count whatever the project's status.
 */
@Service
@Transactional(readOnly = true)
public class HomeDashboard {

	/** How many publications the panel lists. */
	static final int PUBLICATIONS = 6;

	private final JdbcClient jdbc;
	private final SupervisionFigures figures;
	private final People people;
	private final Chains chains;
	private final MessageSource messages;
	private final List<DashboardPanel> panels;
	private final Clock clock;

	HomeDashboard(JdbcClient jdbc, SupervisionFigures figures, People people, Chains chains, MessageSource messages,
			List<DashboardPanel> panels, Clock clock) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.people = people;
		this.chains = chains;
		this.messages = messages;
		this.panels = panels;
		this.clock = clock;
	}

	/** The current year by the clock (the dashboard's default). */
	public int currentYear() {
		return LocalDate.now(clock).getYear();
	}

	/** Who sees what: a SQL condition on {@code project p} with its parameters and the ledger's query for it. */
	record Scope(String kind, String label, String sql, Map<String, Object> params, String query, Long unitId) {

		boolean city() {
			return kind.equals("CITY");
		}
	}

	Scope scope(CurrentUser user, Locale locale) {
		Role role = user.role();
		if ((role == Role.UNIT_MANAGER || role == Role.UNIT_STAFF) && user.unitId() != null) {
			long unit = user.unitId().value();
			return new Scope("UNIT", user.unitName(), "p.unit_id = :scopeUnit", Map.of("scopeUnit", unit),
					"unit=" + unit, unit);
		}
		if (role == Role.LEADER) {
			List<Long> persons = people.ofUser(user.id()).stream().map(PersonId::value).toList();
			if (!persons.isEmpty()) {
				// the ledger filters by one leader: the first linked record (a person has one record as a rule)
				return new Scope("LEADER", t("dashboard.scope.leader", locale), "p.leader_id IN (:scopePersons)",
						Map.of("scopePersons", persons), "leader=" + persons.get(0), null);
			}
		}
		return new Scope("CITY", t("dashboard.scope.city", locale), "1 = 1", Map.of(), "", null);
	}

	/** The dashboard of a year for the reader. */
	public DashboardData of(CurrentUser user, int year, Locale locale) {
		Scope scope = scope(user, locale);
		LocalDate today = LocalDate.now(clock);
		int month = year < today.getYear() ? 12 : year > today.getYear() ? 1 : today.getMonthValue();
		YearMonth last = YearMonth.of(year, month);
		List<StageBar> funnel = new ArrayList<>();
		List<StageBar> key = new ArrayList<>();
		long[] stalled = { 0 };
		Map<Long, long[]> chainCounts = new HashMap<>();
		Map<Long, BigDecimal> chainAmounts = new HashMap<>();
		stagesAndChains(scope, locale, funnel, key, stalled, chainCounts, chainAmounts);
		List<Bar> byChain = chains(scope, chainCounts, chainAmounts, locale);
		Funds funds = funds(scope, year, month, locale);
		List<IndicatorCompletion> completion = readsFigures(user.role())
				? completion(scope, ReportingPeriod.parse(last.toString()), locale) : List.of();

		long projects = funnel.stream().mapToLong(StageBar::count).sum();
		BigDecimal planned = funnel.stream().map(StageBar::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		long keyCount = key.stream().mapToLong(StageBar::count).sum();
		BigDecimal fundsYear = funds.months().stream().filter(m -> m.month() <= month).map(FundsMonth::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		String q = scope.query();
		List<Figure> totals = List.of(
				new Figure("projects", t("dashboard.figure.projects", locale), BigDecimal.valueOf(projects), false,
						ledger(q, "")),
				new Figure("planned", t("dashboard.figure.planned", locale), planned, true, ledger(q, "sort=planned&dir=desc")),
				new Figure("funds", t("dashboard.figure.funds", locale, String.valueOf(year)), fundsYear, true,
						fundsLink(scope, YearMonth.of(year, 1), last, "month")),
				new Figure("key", t("dashboard.figure.key", locale), BigDecimal.valueOf(keyCount), false,
						ledger(q, "key=true")),
				new Figure("stalled", t("dashboard.figure.stalled", locale), BigDecimal.valueOf(stalled[0]), false,
						ledger(q, "stalled=true")));
		return new DashboardData(scope.kind(), scope.label(), year, month, last.atEndOfMonth(), totals, funnel,
				completion, funds, byChain, key, publications(user, locale));
	}

	/** The roles that read the supervision figures (as {@code GET /api/v1/supervision/figures} allows). */
	static boolean readsFigures(Role role) {
		return role != Role.VIEWER && role != Role.INTERMEDIARY;
	}

	private static String ledger(String scopeQuery, String more) {
		String q = scopeQuery.isEmpty() ? more : more.isEmpty() ? scopeQuery : scopeQuery + "&" + more;
		return q.isEmpty() ? "/projects" : "/projects?" + q;
	}

	private static final String STAGES = """
			SELECT p.stage, COUNT(*) AS city_n, COALESCE(SUM(p.planned_investment), 0) AS city_amount,
			  SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS n,
			  COALESCE(SUM(CASE WHEN %1$s THEN p.planned_investment ELSE 0 END), 0) AS amount,
			  SUM(CASE WHEN %1$s AND p.key_project = TRUE THEN 1 ELSE 0 END) AS key_n,
			  COALESCE(SUM(CASE WHEN %1$s AND p.key_project = TRUE THEN p.planned_investment ELSE 0 END), 0) AS key_amount,
			  SUM(CASE WHEN %1$s AND p.stalled = TRUE THEN 1 ELSE 0 END) AS stalled_n,
			  p.chain_id
			FROM project p WHERE p.status <> 'DROPPED'
			GROUP BY p.stage, p.chain_id""";

	/**
	 * The stage and chain bars from one pass over the projects (grouped by stage and chain, summed here): the
	 * dashboard's only statement whose cost grows with the ledger (docs/benchmarks.md, issue 11 aims).
	 */
	private void stagesAndChains(Scope scope, Locale locale, List<StageBar> funnel, List<StageBar> key,
			long[] stalled, Map<Long, long[]> chainCounts, Map<Long, BigDecimal> chainAmounts) {
		Map<Stage, Object[]> rows = new EnumMap<>(Stage.class);
		jdbc.sql(STAGES.formatted(scope.sql())).params(scope.params()).query(rs -> {
			Object[] r = rows.computeIfAbsent(Stage.valueOf(rs.getString("stage")),
					s -> new Object[] { 0L, amount(null), 0L, amount(null), 0L, amount(null), 0L });
			long n = rs.getLong("n");
			BigDecimal amount = amount(rs.getBigDecimal("amount"));
			r[0] = (Long) r[0] + rs.getLong("city_n");
			r[1] = ((BigDecimal) r[1]).add(amount(rs.getBigDecimal("city_amount")));
			r[2] = (Long) r[2] + n;
			r[3] = ((BigDecimal) r[3]).add(amount);
			r[4] = (Long) r[4] + rs.getLong("key_n");
			r[5] = ((BigDecimal) r[5]).add(amount(rs.getBigDecimal("key_amount")));
			r[6] = (Long) r[6] + rs.getLong("stalled_n");
			if (n > 0) {
				long chain = rs.getLong("chain_id");
				chainCounts.computeIfAbsent(chain, c -> new long[1])[0] += n;
				chainAmounts.merge(chain, amount, BigDecimal::add);
			}
		});
		Object[] none = { 0L, amount(null), 0L, amount(null), 0L, amount(null), 0L };
		for (Stage s : Stage.values()) {
			Object[] r = rows.getOrDefault(s, none);
			String label = t(s.messageKey(), locale);
			String stage = "stage=" + s.name();
			boolean unit = scope.kind().equals("UNIT");
			funnel.add(new StageBar(s.name(), label, (Long) r[2], (BigDecimal) r[3], ledger(scope.query(), stage),
					unit ? (Long) r[0] : null, unit ? (BigDecimal) r[1] : null, unit ? ledger("", stage) : null));
			key.add(new StageBar(s.name(), label, (Long) r[4], (BigDecimal) r[5],
					ledger(scope.query(), "key=true&" + stage), null, null, null));
			stalled[0] += (Long) r[6];
		}
	}

	private List<Bar> chains(Scope scope, Map<Long, long[]> counts, Map<Long, BigDecimal> amounts, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		List<Bar> bars = new ArrayList<>();
		for (Chain c : chains.all()) {
			long id = c.id().value();
			if (!counts.containsKey(id) && !c.active()) {
				continue;
			}
			bars.add(new Bar(Long.toString(id), c.name(english), counts.getOrDefault(id, new long[1])[0],
					amounts.getOrDefault(id, amount(null)), ledger(scope.query(), "chain=" + id)));
		}
		return bars;
	}

	private Funds funds(Scope scope, int year, int month, Locale locale) {
		Map<YearMonth, BigDecimal> sums = new HashMap<>();
		// the city and a unit read the monthly sums per landing unit (ADR 0013); a leader's few projects their rows
		String sql = scope.kind().equals("LEADER")
				? "SELECT f.funds_month, SUM(f.funds_in_place) FROM project_funds f JOIN project p ON p.id = f.project_id"
						+ " WHERE " + scope.sql() + " AND f.funds_month >= :from AND f.funds_month <= :to"
						+ " GROUP BY f.funds_month"
				: "SELECT sum_month, SUM(funds_in_place) FROM project_funds_sum WHERE "
						+ (scope.unitId() == null ? "" : "unit_id = :scopeUnit AND ")
						+ "sum_month >= :from AND sum_month <= :to GROUP BY sum_month";
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", LocalDate.of(year - 1, 1, 1));
		params.put("to", LocalDate.of(year, 12, 1));
		jdbc.sql(sql).params(params).query(rs -> {
			sums.merge(YearMonth.from(rs.getObject(1, LocalDate.class)), amount(rs.getBigDecimal(2)), BigDecimal::add);
		});
		List<FundsMonth> months = new ArrayList<>();
		BigDecimal total = amount(null);
		BigDecimal lastTotal = amount(null);
		for (int m = 1; m <= 12; m++) {
			YearMonth ym = YearMonth.of(year, m);
			YearMonth before = YearMonth.of(year - 1, m);
			BigDecimal a = sums.getOrDefault(ym, amount(null));
			BigDecimal b = sums.getOrDefault(before, amount(null));
			total = total.add(a);
			lastTotal = lastTotal.add(b);
			months.add(new FundsMonth(m, Month.of(m).getDisplayName(TextStyle.SHORT, locale), a, b,
					fundsLink(scope, ym, ym, "unit"), fundsLink(scope, before, before, "unit")));
		}
		return new Funds(year, year - 1, months, total, lastTotal);
	}

	/** The funds rows behind a month (the funds report by unit), or for a leader the ledger of their projects. */
	private static String fundsLink(Scope scope, YearMonth from, YearMonth to, String groupBy) {
		if (scope.kind().equals("LEADER")) {
			return ledger(scope.query(), "sort=paidIn&dir=desc");
		}
		return "/funds?" + (scope.unitId() == null ? "" : "unit=" + scope.unitId() + "&") + "from=" + from + "&to=" + to
				+ "&groupBy=" + groupBy;
	}

	private List<IndicatorCompletion> completion(Scope scope, ReportingPeriod period, Locale locale) {
		SupervisionFigures.Result result = figures.of(period);
		LocalDate yearStart = period.yearStart();
		LocalDate end = period.end();
		List<IndicatorCompletion> list = new ArrayList<>();
		for (TargetIndicator indicator : TargetIndicator.values()) {
			String field = indicator.field();
			List<UnitCompletion> rows = new ArrayList<>();
			for (SupervisionFigures.UnitRow row : result.rows()) {
				Completion c = row.completion().get(field);
				if (c == null || !c.present()) {
					continue;
				}
				long unit = row.unitId().value();
				rows.add(new UnitCompletion(unit, row.unitName(), c.achieved(), c.target(), c.percent(),
						scope.unitId() != null && scope.unitId() == unit, completionLink(indicator, unit, yearStart, end)));
			}
			if (rows.isEmpty()) {
				continue;
			}
			Completion city = result.totalsCompletion().get(field);
			list.add(new IndicatorCompletion(field, t("supervision.field." + field, locale),
					t("dashboard.measure." + indicator.kind().name(), locale), Completion.pace(period.lastMonth()),
					city == null ? null : city.percent(), rows));
		}
		return list;
	}

	/** The ledger rows behind a unit's figure: the projects that reached the stage in the year, or the funds rows. */
	static String completionLink(TargetIndicator indicator, long unit, LocalDate from, LocalDate to) {
		String dateOf = switch (indicator) {
			case COMMENCED_COUNT -> "commenced";
			case PRODUCTION_COUNT -> "production";
			case FUNDS_IN_PLACE, OUT_OF_PROVINCE, FOREIGN_USED -> null;
			default -> "signed";
		};
		if (dateOf == null) {
			return "/funds?unit=" + unit + "&from=" + YearMonth.from(from) + "&to=" + YearMonth.from(to) + "&groupBy=month";
		}
		return "/projects?unit=" + unit + "&dateOf=" + dateOf + "&from=" + from + "&to=" + to;
	}

	private List<Publication> publications(CurrentUser user, Locale locale) {
		List<Publication> all = new ArrayList<>();
		for (DashboardPanel panel : panels) {
			all.addAll(panel.latest(user, locale, PUBLICATIONS));
		}
		all.sort(Comparator.comparing(Publication::date, Comparator.nullsLast(Comparator.reverseOrder())));
		return all.size() > PUBLICATIONS ? List.copyOf(all.subList(0, PUBLICATIONS)) : all;
	}

	private static BigDecimal amount(BigDecimal value) {
		return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
