package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.support.Demo;

/**
 * The funds totals' read model ({@code project_funds_sum}, {@link FundsSums}) stays equal to the funds rows through a
 * sequence of writes of every kind: a month recorded on the project, corrected, a unit's grid, the funds import, the
 * project's unit and chain changed (saved through the repository, as the project page does), its types changed, and
 * its unit changed by the ledger import's bulk writer. After each step the totals read from the sums equal the totals
 * summed from the rows, for every grouping and filter, and the sums' keys equal a GROUP BY of the rows. Everything
 * happens in 2001, a year no other test writes funds for.
 */
@SpringBootTest
class FundsSumsTests {

	static final String FROM = "2001-01";
	static final String TO = "2001-12";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	RecordFunds recordFunds;

	@Autowired
	FundsImport fundsImport;

	@Autowired
	FundsTotals totals;

	@Autowired
	ProjectRepository projects;

	@Autowired
	ProjectRows projectRows;

	@Autowired
	TransactionTemplate tx;

	long project(String unit, String chain, String type) {
		String code = "FS-" + System.nanoTime() % 1_000_000_000L;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, types, stage,
				    status, planned_investment)
				VALUES (:code, :code, (SELECT MIN(id) FROM merchant), 'fs', :unit, :chain, :type, :type, 'SIGNED',
				    'ACTIVE', 1000)""")
			.param("code", code)
			.param("unit", Demo.unit(jdbc, unit))
			.param("chain", Demo.chain(jdbc, chain))
			.param("type", type)
			.update();
		return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
	}

	String code(long id) {
		return jdbc.sql("SELECT code FROM project WHERE id = :id").param("id", id).query(String.class).single();
	}

	static RecordFunds.Input input(String in, String out, String foreign, String fixed, Integer version) {
		return new RecordFunds.Input(new BigDecimal(in), new BigDecimal(out), new BigDecimal(foreign),
				new BigDecimal(fixed), null, version);
	}

	@Test
	void the_sums_equal_the_rows_after_records_corrections_grids_imports_and_project_edits() throws Exception {
		CurrentUser city = Demo.signIn(accounts, "city");
		try {
			long a = project("hualong", "chemical", "NEW");
			long b = project("hualong", "equipment", "FOREIGN");
			long c = project("qingfeng", "chemical", "RETURN");
			assertSame("start");

			recordFunds.execute(a, YearMonth.of(2001, 3), input("100.25", "40.00", "3.50", "80.00", null), city);
			recordFunds.execute(b, YearMonth.of(2001, 3), input("12.00", "0.00", "0.00", "1.00", null), city);
			recordFunds.execute(a, YearMonth.of(2001, 4), input("7.75", "7.75", "0.00", "0.00", null), city);
			assertSame("recorded");
			assertThat(sumOf("funds_in_place", 2001)).isEqualByComparingTo("120.00");

			recordFunds.execute(a, YearMonth.of(2001, 3), input("90.00", "30.00", "1.50", "70.00", 0), city);
			assertSame("corrected");
			assertThat(sumOf("funds_in_place", 2001)).isEqualByComparingTo("109.75");

			recordFunds.executeAll(YearMonth.of(2001, 5), List.of(
					new RecordFunds.Line(a, input("1.00", "0.00", "0.00", "0.00", null)),
					new RecordFunds.Line(b, input("2.00", "1.00", "0.00", "0.00", null)),
					new RecordFunds.Line(c, input("3.00", "0.00", "0.50", "2.00", null))), city);
			assertSame("grid");

			byte[] workbook = LedgerSheets.xlsx(List.of("项目编号", "项目名称", "月份", "本月到位资金（万元）",
					"其中省外资金（万元）", "实际利用外资（万美元）", "完成固定资产投资（万元）", "备注"), List.of(
							row(code(c), "2001-05", "30.00"), // an update of the grid's row
							row(code(c), "2001-08", "44.40"), row(code(b), "2001-12", "5.55")));
			var result = fundsImport.execute(workbook, city);
			assertThat(result.created()).isEqualTo(2);
			assertThat(result.updated()).isEqualTo(1);
			assertSame("imported");
			// a 90 + 7.75 + 1, b 12 + 2 + 5.55, c 30 + 44.40
			assertThat(sumOf("funds_in_place", 2001)).isEqualByComparingTo("192.70");
			assertThat(sumOf("row_count", 2001)).isEqualByComparingTo("8");

			// the project page's edit: another unit and chain, saved through the repository
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(a).orElseThrow();
				p.unitId = Demo.unit(jdbc, "qingfeng");
				p.chainId = Demo.chain(jdbc, "equipment");
				projects.save(p);
			});
			assertSame("unit and chain edited");
			// types changed: RETURN, also FOREIGN (the primary type changes from NEW)
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(a).orElseThrow();
				p.retype(ProjectTypes.of(ProjectType.RETURN, ProjectType.FOREIGN));
				projects.save(p);
			});
			assertSame("types edited");
			// a (98.75) now counts as RETURN, with c (74.40); NEW has nothing left
			assertThat(groupBy("type").get("RETURN")[0]).isEqualByComparingTo("173.15");
			assertThat(groupBy("type")).doesNotContainKey("NEW");
			// the ledger import's bulk writer changes c's unit
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(c).orElseThrow();
				p.unitId = Demo.unit(jdbc, "hualong");
				projectRows.update(List.of(p));
			});
			assertSame("unit changed by the ledger import");
			// and a save that changes nothing of the key leaves the sums alone
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(b).orElseThrow();
				p.name = p.name + "-renamed";
				projects.save(p);
			});
			assertSame("renamed");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	static Map<String, Object> row(String code, String month, String in) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("项目编号", code);
		m.put("项目名称", null);
		m.put("月份", month);
		m.put("本月到位资金（万元）", in);
		m.put("其中省外资金（万元）", "0");
		m.put("实际利用外资（万美元）", "0");
		m.put("完成固定资产投资（万元）", "0");
		m.put("备注", null);
		return m;
	}

	BigDecimal sumOf(String column, int year) {
		return jdbc.sql("SELECT COALESCE(SUM(" + column + "), 0) FROM project_funds_sum WHERE sum_month >= :f AND sum_month <= :t")
			.param("f", Date.valueOf(year + "-01-01"))
			.param("t", Date.valueOf(year + "-12-01"))
			.query(BigDecimal.class)
			.single();
	}

	Map<String, BigDecimal[]> groupBy(String by) {
		var report = totals.totals(new FundsFilter(null, null, null, FROM, TO, by), Demo.signIn(accounts, "city"),
				Locale.SIMPLIFIED_CHINESE);
		Map<String, BigDecimal[]> m = new TreeMap<>();
		report.rows().forEach(r -> m.put(r.key(), new BigDecimal[] { r.fundsInPlace(), r.outOfProvince(),
				r.foreignUsed(), r.fixedAssets() }));
		return m;
	}

	/** The totals from the sums equal those from the rows, every grouping and filter; the keys equal the rows'. */
	void assertSame(String step) {
		CurrentUser city = Demo.signIn(accounts, "city");
		CurrentUser hualong = accounts.loadUserByUsername("hualong");
		List<FundsFilter> filters = new ArrayList<>();
		for (String by : FundsTotals.GROUP_BY) {
			filters.add(new FundsFilter(null, null, null, FROM, TO, by));
			filters.add(new FundsFilter(Demo.unit(jdbc, "hualong"), null, null, FROM, TO, by));
			filters.add(new FundsFilter(null, Demo.chain(jdbc, "chemical"), null, "2001-03", "2001-05", by));
			for (ProjectType t : ProjectType.values()) {
				filters.add(new FundsFilter(null, null, t, FROM, TO, by));
			}
		}
		for (FundsFilter f : filters) {
			for (CurrentUser user : List.of(city, hualong)) {
				var fromSums = totals.totals(f, user, Locale.SIMPLIFIED_CHINESE);
				var fromRows = totals.totalsFromRows(f, user, Locale.SIMPLIFIED_CHINESE);
				assertThat(fromSums).as(step + " " + f + " " + user.getUsername()).isEqualTo(fromRows);
			}
		}
		String period = " BETWEEN CAST('2001-01-01' AS DATE) AND CAST('2001-12-01' AS DATE)";
		List<List<Object>> sums = jdbc.sql("""
				SELECT sum_month, unit_id, chain_id, type, types, funds_in_place, out_of_province, foreign_used,
				       fixed_assets, row_count
				FROM project_funds_sum WHERE row_count <> 0 AND sum_month""" + period
				+ " ORDER BY sum_month, unit_id, chain_id, type, types")
			.query((rs, n) -> row(rs))
			.list();
		List<List<Object>> rows = jdbc.sql("""
				SELECT f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type), SUM(f.funds_in_place),
				       SUM(f.out_of_province), SUM(f.foreign_used), SUM(f.fixed_assets), COUNT(*)
				FROM project_funds f JOIN project p ON p.id = f.project_id WHERE f.funds_month""" + period + """

				GROUP BY f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type)
				ORDER BY 1, 2, 3, 4, 5""")
			.query((rs, n) -> row(rs))
			.list();
		assertThat(sums).as(step).isEqualTo(rows);
		// nothing left over under a key without rows (in this test's year: other tests write raw rows in theirs)
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project_funds_sum WHERE row_count = 0 AND (funds_in_place <> 0"
				+ " OR out_of_province <> 0 OR foreign_used <> 0 OR fixed_assets <> 0) AND sum_month" + period)
			.query(Long.class)
			.single())
			.as(step)
			.isZero();
	}

	static List<Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
		List<Object> r = new ArrayList<>();
		r.add(rs.getObject(1, java.time.LocalDate.class));
		r.add(rs.getLong(2));
		r.add(rs.getLong(3));
		r.add(rs.getString(4));
		r.add(rs.getString(5));
		for (int i = 6; i <= 9; i++) {
			r.add(rs.getBigDecimal(i).setScale(2).toPlainString());
		}
		r.add(rs.getLong(10));
		return r;
	}
}
