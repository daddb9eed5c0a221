package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.project.ProjectType;

/**
 * The funds totals (实际到位资金汇总, issue 10): the monthly funds rows of a period summed by landing unit, chain,
 * project type, month or quarter, straight from {@code project_funds} joined to {@code project} (one SQL statement;
 * the quarter folds the months in Java). Unit roles see their own unit (and the units below it) only; the city
 * bureau, administrators, leaders and viewers the whole city. Every status counts: funds that arrived stay arrived.
 */
@Service
public class FundsTotals {

	public static final List<String> GROUP_BY = List.of("unit", "chain", "type", "month", "quarter");

	/** The four sums of a group or of all (万元, foreign capital in 万美元). */
	public record Sums(BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets) {

		public static final Sums ZERO = new Sums(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

		Sums plus(Sums o) {
			return new Sums(fundsInPlace.add(o.fundsInPlace), outOfProvince.add(o.outOfProvince),
					foreignUsed.add(o.foreignUsed), fixedAssets.add(o.fixedAssets));
		}
	}

	/** One group: its key (unit or chain id, type name, yyyy-MM, yyyy-Qn), its label in the reader's language. */
	public record Row(String key, String label, BigDecimal fundsInPlace, BigDecimal outOfProvince,
			BigDecimal foreignUsed, BigDecimal fixedAssets) {

		Sums sums() {
			return new Sums(fundsInPlace, outOfProvince, foreignUsed, fixedAssets);
		}
	}

	/** The answer: the grouping and period applied, the rows in their natural order, the totals of all rows. */
	public record Report(String groupBy, String from, String to, List<Row> rows, Sums totals) {
	}

	static final String SUMS = "SUM(f.funds_in_place), SUM(f.out_of_province), SUM(f.foreign_used), SUM(f.fixed_assets)";

	private static final Map<String, String> KEYS = Map.of("unit", "p.unit_id", "chain", "p.chain_id", "type",
			"p.type", "month", "f.funds_month", "quarter", "f.funds_month");

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final UnitDirectory units;
	private final Chains chains;
	private final MessageSource messages;
	private final Clock clock;

	FundsTotals(JdbcClient jdbc, DataScopes scopes, UnitDirectory units, Chains chains, MessageSource messages,
			Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.units = units;
		this.chains = chains;
		this.messages = messages;
		this.clock = clock;
	}

	/** The current month by the Clock. */
	public YearMonth currentMonth() {
		return YearMonth.from(LocalDate.now(clock));
	}

	/**
	 * The totals of the filter for the reader; a period that ends before it starts is refused naming {@code to}.
	 * Read from the monthly sums ({@code project_funds_sum}, {@link FundsSums}) when they can answer the filter
	 * ({@link #answeredBySums}), else from the rows.
	 */
	@Transactional(readOnly = true)
	public Report totals(FundsFilter filter, CurrentUser user, Locale locale) {
		return report(filter, user, locale, !answeredBySums(filter));
	}

	/** The same totals always summed from the funds rows themselves (the reference the sums are tested against). */
	@Transactional(readOnly = true)
	Report totalsFromRows(FundsFilter filter, CurrentUser user, Locale locale) {
		return report(filter, user, locale, true);
	}

	/**
	 * Whether the monthly sums answer a filter: they hold unit, chain, primary type (and the set of types) and month,
	 * which is every filter and grouping {@link FundsFilter} has (unit, chain, type, period, the reader's units; by
	 * unit, chain, type, month, quarter). A filter on anything else of the project (stage, status, key project, a
	 * single project) or a period finer than a month would need the rows: add it here as {@code false}.
	 */
	static boolean answeredBySums(FundsFilter filter) {
		return true;
	}

	private Report report(FundsFilter filter, CurrentUser user, Locale locale, boolean fromRows) {
		YearMonth from = filter.fromMonth(currentMonth());
		YearMonth to = filter.toMonth(currentMonth());
		if (to.isBefore(from)) {
			throw new InvalidInputException(List.of(new InvalidInputException.Violation("to", "fundsReport.error.period")));
		}
		String by = filter.by();
		String sql;
		SqlFilter where;
		if (fromRows) {
			String key = KEYS.get(by);
			where = where(filter, scopes.of(user), user, from, to, ROWS);
			sql = "SELECT " + key + ", " + SUMS + " FROM project_funds f JOIN project p ON p.id = f.project_id"
					+ where.sql() + " GROUP BY " + key;
		}
		else {
			String key = SUM_KEYS.get(by);
			where = where(filter, scopes.of(user), user, from, to, SUMMED);
			// a key whose rows all moved away (row_count 0) is no group, as it is none in the rows
			sql = "SELECT " + key + ", " + SUMMED_SUMS + " FROM project_funds_sum s" + where.sql() + " GROUP BY " + key
					+ " HAVING SUM(s.row_count) > 0";
		}
		Map<String, Sums> sums = new LinkedHashMap<>();
		jdbc.sql(sql).params(where.params()).query((ResultSet rs) -> {
			sums.merge(key(by, rs), sums(rs), Sums::plus); // a RowCallbackHandler: called once per row
		});
		List<Row> rows = new ArrayList<>();
		Sums total = Sums.ZERO;
		// unit and chain names read once per report, not once per row
		Map<String, String> names = names(by, locale);
		for (var e : ordered(by, sums)) {
			Sums s = e.getValue();
			total = total.plus(s);
			String label = names.containsKey(e.getKey()) ? names.get(e.getKey()) : label(by, e.getKey(), locale);
			rows.add(new Row(e.getKey(), label, s.fundsInPlace(), s.outOfProvince(), s.foreignUsed(),
					s.fixedAssets()));
		}
		return new Report(by, from.toString(), to.toString(), rows, total);
	}

	/** The columns a filter is written on: of the rows joined to their project, or of the monthly sums. */
	record Columns(String month, String unit, String chain, String type) {
	}

	static final Columns ROWS = new Columns("f.funds_month", "p.unit_id", "p.chain_id", "p.type");

	static final Columns SUMMED = new Columns("s.sum_month", "s.unit_id", "s.chain_id", "s.type");

	static final String SUMMED_SUMS = "SUM(s.funds_in_place), SUM(s.out_of_province), SUM(s.foreign_used), "
			+ "SUM(s.fixed_assets)";

	private static final Map<String, String> SUM_KEYS = Map.of("unit", "s.unit_id", "chain", "s.chain_id", "type",
			"s.type", "month", "s.sum_month", "quarter", "s.sum_month");

	/**
	 * The WHERE clause: the period, the reader's scope, then each filter that is set. A unit role sees only the units
	 * it edits (its own and those below it), although it reads the shared city pool elsewhere: these are its figures.
	 */
	static SqlFilter where(FundsFilter f, DataScope scope, CurrentUser user, YearMonth from, YearMonth to) {
		return where(f, scope, user, from, to, ROWS);
	}

	static SqlFilter where(FundsFilter f, DataScope scope, CurrentUser user, YearMonth from, YearMonth to,
			Columns c) {
		SqlFilter where = SqlFilter.where()
			.range(c.month(), "fromMonth", from.atDay(1), "toMonth", to.atDay(1));
		if (user.role().isEditor() && !scope.editAll()) {
			where.in(c.unit(), "scopeUnits", scope.editable().stream().map(UnitId::value).toList());
		}
		else if (!scope.readAll()) {
			where.in(c.unit(), "scopeUnits", scope.readable().stream().map(UnitId::value).toList());
		}
		where.eq(c.unit(), "unit", f.unit()).eq(c.chain(), "chain", f.chain());
		if (f.type() != null) {
			where.eq(c.type(), "type", f.type().name());
		}
		return where;
	}

	/**
	 * The project type filter on the rows: the primary type ({@code project.type}, the first of the project's
	 * types), as the totals have grouped by type since types became flags.
	 */
	static void type(SqlFilter where, ProjectType type) {
		if (type != null) {
			where.eq("p.type", "type", type.name());
		}
	}

	private static Sums sums(ResultSet rs) throws SQLException {
		return new Sums(amount(rs, 2), amount(rs, 3), amount(rs, 4), amount(rs, 5));
	}

	private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
	}

	private static String key(String by, ResultSet rs) throws SQLException {
		return switch (by) {
			case "month" -> YearMonth.from(rs.getObject(1, LocalDate.class)).toString();
			case "quarter" -> {
				LocalDate d = rs.getObject(1, LocalDate.class);
				yield d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
			}
			default -> rs.getString(1);
		};
	}

	/** Units and chains in their configured order, types in the enum's, months and quarters in time. */
	private List<Map.Entry<String, Sums>> ordered(String by, Map<String, Sums> sums) {
		Map<String, Integer> rank = new HashMap<>();
		if ("unit".equals(by)) {
			List<UnitSummary> all = units.all();
			for (int i = 0; i < all.size(); i++) {
				rank.put(String.valueOf(all.get(i).id().value()), i);
			}
		}
		else if ("chain".equals(by)) {
			List<Chain> all = chains.all();
			for (int i = 0; i < all.size(); i++) {
				rank.put(String.valueOf(all.get(i).id().value()), i);
			}
		}
		else if ("type".equals(by)) {
			for (ProjectType t : ProjectType.values()) {
				rank.put(t.name(), t.ordinal());
			}
		}
		Comparator<Map.Entry<String, Sums>> order = Comparator
			.comparing((Map.Entry<String, Sums> e) -> rank.getOrDefault(e.getKey(), Integer.MAX_VALUE))
			.thenComparing(Map.Entry::getKey);
		return sums.entrySet().stream().sorted(order).toList();
	}

	/** The names of every unit or chain by id, when grouped by them; else none. */
	private Map<String, String> names(String by, Locale locale) {
		Map<String, String> names = new HashMap<>();
		if ("unit".equals(by)) {
			units.all().forEach(u -> names.put(String.valueOf(u.id().value()), u.name()));
		}
		else if ("chain".equals(by)) {
			boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
			chains.names(english).forEach((id, name) -> names.put(String.valueOf(id), name));
		}
		return names;
	}

	private String label(String by, String key, Locale locale) {
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		return switch (by) {
			case "unit" -> units.find(new UnitId(Long.parseLong(key))).map(UnitSummary::name).orElse(key);
			case "chain" -> chains.names(english).getOrDefault(Long.parseLong(key), key);
			case "type" -> messages.getMessage(ProjectType.valueOf(key).messageKey(), null, key, locale);
			case "month" -> messages.getMessage("fundsReport.label.month",
					new Object[] { key.substring(0, 4), String.valueOf(Integer.parseInt(key.substring(5))) }, key,
					locale);
			default -> messages.getMessage("fundsReport.label.quarter", new Object[] { key.substring(0, 4), key.substring(6) },
					key, locale);
		};
	}

	/** The totals as a workbook (Chinese headers and labels, like every export): one row per group, then 合计. */
	public void export(FundsFilter filter, CurrentUser user, OutputStream out) throws IOException {
		Report report = totals(filter, user, Locale.SIMPLIFIED_CHINESE);
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(zh("fundsReport.export.sheet"));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(zh("fundsReport.by." + report.groupBy()), 24),
					new WorkbookStyles.Column(zh("fundsReport.col.fundsInPlace"), 20),
					new WorkbookStyles.Column(zh("fundsReport.col.outOfProvince"), 20),
					new WorkbookStyles.Column(zh("fundsReport.col.foreignUsed"), 20),
					new WorkbookStyles.Column(zh("fundsReport.col.fixedAssets"), 22)));
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (Row row : report.rows()) {
				styles.row(sheet, r++).text(row.label()).amount(row.fundsInPlace()).amount(row.outOfProvince())
					.amount(row.foreignUsed()).amount(row.fixedAssets());
			}
			Sums t = report.totals();
			styles.row(sheet, r).styled(zh("fundsReport.total"), styles.total).amount(t.fundsInPlace())
				.amount(t.outOfProvince()).amount(t.foreignUsed()).amount(t.fixedAssets());
			wb.write(out);
		}
	}

	/** The export's file name: 到位资金汇总_2026-01_2026-10.xlsx, in the reader's language. */
	public String fileName(FundsFilter filter, Locale locale) {
		return messages.getMessage("fundsReport.export.fileName",
				new Object[] { filter.fromMonth(currentMonth()).toString(), filter.toMonth(currentMonth()).toString() },
				locale) + ".xlsx";
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
