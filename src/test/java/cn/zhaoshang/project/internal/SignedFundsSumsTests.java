package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.support.Demo;

/**
 * The signed-month funds sums ({@code project_funds_signed_sum}, {@link SignedFundsSums}) stay equal to the funds
 * rows through funds written, a signing date moved into another month and out of the year, a status change (dropped
 * projects left out of the default list) and a unit change by the ledger import's bulk writer; after each step the
 * per-unit summary of projects signed in 1998 (answered from the sums) equals the same summary summed from the rows
 * (a filter the sums cannot answer: up to 30 December, no project is signed on the 31st), for the city and for one
 * county's scope, and the table equals a GROUP BY of the rows. 1998 is a year no other test signs or funds projects in.
 */
@SpringBootTest
class SignedFundsSumsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	RecordFunds recordFunds;

	@Autowired
	ProjectQueries queries;

	@Autowired
	ProjectRepository projects;

	@Autowired
	ProjectRows projectRows;

	@Autowired
	TransactionTemplate tx;

	long project(String unit, String signed) {
		String code = "SF-" + System.nanoTime() % 1_000_000_000L;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, types, stage,
				    status, planned_investment, signed_date)
				VALUES (:code, :code, (SELECT MIN(id) FROM merchant), 'sf', :unit, :chain, 'NEW', 'NEW', 'SIGNED',
				    'ACTIVE', 1000, :signed)""")
			.param("code", code)
			.param("unit", Demo.unit(jdbc, unit))
			.param("chain", Demo.chain(jdbc, "chemical"))
			.param("signed", LocalDate.parse(signed))
			.update();
		return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
	}

	static RecordFunds.Input in(String amount) {
		return new RecordFunds.Input(new BigDecimal(amount), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
				null);
	}

	@Test
	void the_summary_from_the_sums_equals_the_rows_after_funds_dates_status_and_unit_changes() {
		CurrentUser city = Demo.signIn(accounts, "city");
		try {
			long a = project("hualong", "1998-03-15");
			long b = project("hualong", "1998-11-30");
			long c = project("qingfeng", "1997-12-20");
			assertSame("start");

			recordFunds.execute(a, YearMonth.of(1998, 4), in("100.25"), city);
			recordFunds.execute(a, YearMonth.of(1999, 1), in("7.00"), city); // after the year: not in the summary
			recordFunds.execute(b, YearMonth.of(1998, 12), in("12.50"), city);
			recordFunds.execute(c, YearMonth.of(1998, 2), in("30.00"), city); // signed the year before
			assertSame("recorded");
			assertThat(fundsOf("hualong", "1998-01-01", "1998-12-31")).isEqualByComparingTo("112.75");

			// c's signing moves into 1998 (saved through the repository, as the project page does)
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(c).orElseThrow();
				p.signedDate = LocalDate.of(1998, 1, 5);
				projects.save(p);
			});
			assertSame("signing date moved into the year");
			assertThat(fundsOf("qingfeng", "1998-01-01", "1998-12-31")).isEqualByComparingTo("30.00");
			// b's signing moves out of it
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(b).orElseThrow();
				p.signedDate = LocalDate.of(1999, 2, 1);
				projects.save(p);
			});
			assertSame("signing date moved out of the year");
			assertThat(fundsOf("hualong", "1998-01-01", "1998-12-31")).isEqualByComparingTo("100.25");

			// a is dropped: a list without dropped projects leaves it out
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(a).orElseThrow();
				p.status = ProjectStatus.DROPPED;
				projects.save(p);
			});
			assertSame("dropped");
			assertThat(fundsOf("hualong", "1998-01-01", "1998-12-31")).isEqualByComparingTo("0");

			// the ledger import's bulk writer moves c to another unit
			tx.executeWithoutResult(s -> {
				Project p = projects.findById(c).orElseThrow();
				p.unitId = Demo.unit(jdbc, "hualong");
				projectRows.update(List.of(p));
			});
			assertSame("unit changed by the ledger import");
			assertThat(fundsOf("hualong", "1998-01-01", "1998-12-31")).isEqualByComparingTo("30.00");

			recordFunds.execute(c, YearMonth.of(1998, 2), new RecordFunds.Input(new BigDecimal("31.00"), BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, null, 0), city);
			assertSame("corrected");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	BigDecimal fundsOf(String unit, String from, String to) {
		var grouped = queries.grouped(BenchLedger.filter(Map.of("dateOf", "signed", "from", from, "to", to,
				"includeDropped", "false")),
				BenchLedger.CITY, "unit");
		String key = String.valueOf(Demo.unit(jdbc, unit));
		return grouped.groups().stream().filter(g -> g.key().equals(key)).map(g -> g.totals().fundsInPlace())
			.findFirst().orElse(BigDecimal.ZERO);
	}

	void assertSame(String step) {
		DataScope county = new DataScope(false, false, java.util.Set.of(new UnitId(Demo.unit(jdbc, "hualong"))),
				java.util.Set.of());
		for (DataScope scope : List.of(BenchLedger.CITY, county)) {
			for (Map<String, String> extra : List.<Map<String, String>>of(Map.of(), Map.of("includeDropped", "false"),
					Map.of("status", "DROPPED"), Map.of("unit", String.valueOf(Demo.unit(jdbc, "qingfeng"))))) {
				Map<String, String> fromSums = new java.util.HashMap<>(extra);
				fromSums.putAll(Map.of("dateOf", "signed", "from", "1998-01-01", "to", "1998-12-31"));
				Map<String, String> fromRows = new java.util.HashMap<>(fromSums);
				fromRows.put("to", "1998-12-30");
				assertThat(SignedFundsSums.answers(BenchLedger.filter(fromSums))).isTrue();
				assertThat(SignedFundsSums.answers(BenchLedger.filter(fromRows))).isFalse();
				String as = step + " " + extra + " " + scope.readAll();
				assertThat(queries.grouped(BenchLedger.filter(fromSums), scope, "unit")).as(as)
					.usingRecursiveComparison()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(queries.grouped(BenchLedger.filter(fromRows), scope, "unit"));
				assertThat(queries.totals(BenchLedger.filter(fromSums), scope)).as(as)
					.usingRecursiveComparison()
					.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
					.isEqualTo(queries.totals(BenchLedger.filter(fromRows), scope));
			}
		}
		String months = " BETWEEN CAST('1997-01-01' AS DATE) AND CAST('1999-12-01' AS DATE)";
		List<List<Object>> sums = jdbc.sql("SELECT sum_month, unit_id, status, signed_month, funds_in_place, row_count"
				+ " FROM project_funds_signed_sum WHERE row_count <> 0 AND signed_month" + months
				+ " ORDER BY 1, 2, 3, 4")
			.query((rs, n) -> row(rs))
			.list();
		List<List<Object>> rows = jdbc.sql("""
				SELECT f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE),
				       SUM(f.funds_in_place), COUNT(*)
				FROM project_funds f JOIN project p ON p.id = f.project_id
				WHERE p.signed_date""" + months + """

				GROUP BY f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE)
				ORDER BY 1, 2, 3, 4""")
			.query((rs, n) -> row(rs))
			.list();
		assertThat(sums).as(step).isEqualTo(rows);
	}

	static List<Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
		List<Object> r = new ArrayList<>();
		r.add(rs.getObject(1, LocalDate.class));
		r.add(rs.getLong(2));
		r.add(rs.getString(3));
		r.add(rs.getObject(4, LocalDate.class));
		r.add(rs.getBigDecimal(5).setScale(2).toPlainString());
		r.add(rs.getLong(6));
		return r;
	}
}
