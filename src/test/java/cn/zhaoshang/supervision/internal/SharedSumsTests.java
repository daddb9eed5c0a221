package cn.zhaoshang.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.CreditShares;
import cn.zhaoshang.project.CreditShares.NewShare;
import cn.zhaoshang.project.ProjectRelocation;
import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.project.internal.SharedSums;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.support.LedgerRows;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The corrections of the projects that are not plain ({@code project_shared_counted_sum},
 * {@code project_shared_funds_sum}, V43, ADR 0017) kept by the writers, checked after every kind of write against
 * the raw rows twice: the tables equal a recomputation from the stored facts ({@link SharedSums#rebuild}), and the
 * figures of every month, quarter and the year equal {@link FiguresReference} (the first implementation, which reads
 * the moves, funds rows and shares themselves). The year 2036 is this test's own (no other test writes it). Writes
 * go through the writers' paths: {@link CreditShares#set}, funds rows between {@link FundsSums#snapshot} and
 * {@code update}, stage moves followed by {@link CountedMoves#refresh}, and a relocation.
 */
@SpringBootTest
class SharedSumsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	@Autowired
	SharedSums shared;

	@Autowired
	CreditShares shares;

	@Autowired
	ProjectRelocation relocation;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	FiguresQuery query;

	@Autowired
	UnitDirectory units;

	@Autowired
	Clock clock;

	@Test
	void the_corrections_follow_share_changes_funds_moves_undone_moves_and_relocations() {
		long hualong = unit("hualong");
		long puyang = unit("puyang");
		long qingfeng = unit("qingfeng");
		CurrentUser city = accounts.loadUserByUsername("city");

		// X: signed in February, funds from January; shared 60/40 with 濮阳县 from March
		long x = project(hualong);
		move(x, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2036-02-10", "100.01");
		funds(x, "2036-01-01", "0.05", "0.03", "0");
		funds(x, "2036-02-01", "10.01", "0", "0");
		funds(x, "2036-04-01", "3.33", "1.11", "0.07");
		assertExact();
		shares.set(new ProjectId(x), LocalDate.of(2036, 3, 1),
				List.of(new NewShare(new UnitId(hualong), 6000), new NewShare(new UnitId(puyang), 4000)), "分成", city);
		assertExact();
		// by hand: as of March the signing (100.01) is split 60.01 / 40.00, the count 0.6 / 0.4
		var march = query.of(ReportingPeriod.parse("2036-03"));
		assertThat(row(march, puyang).yearToDate().contractedInvestment()).isEqualByComparingTo("40.00");
		assertThat(row(march, puyang).yearToDate().signedCount()).isEqualByComparingTo("0.4");
		assertThat(row(march, hualong).yearToDate().contractedInvestment()).isEqualByComparingTo("60.01");

		// a funds row corrected and one added in a month of the new shares
		correctFunds(x, "2036-02-01", "20.02");
		funds(x, "2036-05-01", "7.77", "0", "0");
		assertExact();

		// commenced in May, moved back in July; dropped in September and resumed in October
		move(x, "SIGNED", "COMMENCED", "ACTIVE", "ACTIVE", "2036-05-05", null);
		assertExact();
		move(x, "COMMENCED", "SIGNED", "ACTIVE", "ACTIVE", "2036-07-01", null);
		assertExact();
		move(x, "SIGNED", "SIGNED", "ACTIVE", "DROPPED", "2036-09-03", null);
		move(x, "SIGNED", "SIGNED", "DROPPED", "ACTIVE", "2036-10-08", null);
		assertExact();

		// shared in thirds from August (an amount over thirds leaves remainders to place)
		shares.set(new ProjectId(x), LocalDate.of(2036, 8, 1), List.of(new NewShare(new UnitId(hualong), 3333),
				new NewShare(new UnitId(puyang), 3333), new NewShare(new UnitId(qingfeng), 3334)), "三方分成", city);
		funds(x, "2036-08-01", "1.00", "0.01", "0");
		assertExact();

		// relocated to 清丰县: the part taken out of the landing unit moves with it
		relocation.relocate(new ProjectId(x), new UnitId(qingfeng), LocalDate.of(2036, 11, 1), "测试", city);
		assertExact();

		// Y: plain until relocated in June, which ends its default share (not plain from then on)
		long y = project(puyang);
		move(y, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2036-03-03", "55.55");
		funds(y, "2036-03-01", "9.99", "0", "0");
		funds(y, "2036-07-01", "4.44", "0", "0");
		relocation.relocate(new ProjectId(y), new UnitId(hualong), LocalDate.of(2036, 6, 1), "测试", city);
		assertExact();
		var july = query.of(ReportingPeriod.parse("2036-07"));
		// as of July the shares in force are 华龙区's 100 %: the signing and all the year's funds go there
		assertThat(row(july, hualong).yearToDate().contractedInvestment()).isGreaterThanOrEqualTo(new BigDecimal("55.55"));

		// the figures' corrections hold rows for 2036 (the test would prove nothing on empty tables)
		assertThat(stored()).isNotEmpty();
	}

	// ===================================================================================================== checks

	/** The tables as the writers left them equal a recomputation, and the figures equal the first implementation. */
	private void assertExact() {
		var kept = stored();
		shared.rebuild();
		assertThat(stored()).as("corrections kept by the writers vs recomputed from the rows").isEqualTo(kept);
		var reference = new FiguresReference(jdbc, units, clock);
		List<String> periods = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			periods.add("2036-%02d".formatted(m));
		}
		periods.addAll(List.of("2036-Q1", "2036-Q2", "2036-Q3", "2036-Q4", "2036"));
		for (String text : periods) {
			ReportingPeriod period = ReportingPeriod.parse(text);
			var expected = reference.of(period);
			var actual = query.of(period);
			assertThat(actual.rows()).as(text).isEqualTo(expected.rows());
			assertThat(actual.totals()).as(text).isEqualTo(expected.totals());
			assertThat(actual.totalsYearToDate()).as(text).isEqualTo(expected.totalsYearToDate());
		}
	}

	/** Both tables' non-zero rows of 2036, as text. */
	private Map<String, String> stored() {
		Map<String, String> rows = new TreeMap<>();
		jdbc.sql("""
				SELECT as_of, unit_id, to_stage, effective_month, move_count, amount FROM project_shared_counted_sum
				WHERE as_of >= :y AND as_of < :n AND (move_count <> 0 OR amount <> 0)""")
			.param("y", LocalDate.of(2036, 1, 1))
			.param("n", LocalDate.of(2037, 1, 1))
			.query(rs -> {
				rows.put("stage " + rs.getObject(1, LocalDate.class) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
						+ rs.getObject(4, LocalDate.class), rs.getBigDecimal(5).setScale(1).toPlainString() + " "
								+ rs.getBigDecimal(6).setScale(2).toPlainString());
			});
		jdbc.sql("""
				SELECT as_of, unit_id, from_month, funds_in_place, out_of_province, foreign_used
				FROM project_shared_funds_sum
				WHERE as_of >= :y AND as_of < :n AND (funds_in_place <> 0 OR out_of_province <> 0 OR foreign_used <> 0)""")
			.param("y", LocalDate.of(2036, 1, 1))
			.param("n", LocalDate.of(2037, 1, 1))
			.query(rs -> {
				rows.put("funds " + rs.getObject(1, LocalDate.class) + " " + rs.getLong(2) + " "
						+ rs.getObject(3, LocalDate.class), rs.getBigDecimal(4).setScale(2).toPlainString() + " "
								+ rs.getBigDecimal(5).setScale(2).toPlainString() + " "
								+ rs.getBigDecimal(6).setScale(2).toPlainString());
			});
		return rows;
	}

	private static SupervisionFigures.UnitRow row(SupervisionFigures.Result result, long unit) {
		return result.rows().stream().filter(r -> r.unitId().value() == unit).findFirst().orElseThrow();
	}

	// ===================================================================================================== helpers

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long project(long unit) {
		return rows().project(unit, "SS-", "分成测试投资有限公司");
	}

	private void move(long project, String from, String to, String fromStatus, String toStatus, String date,
			String amount) {
		rows().move(project, from, to, fromStatus, toStatus, from.equals(to) ? null : date, "APPLIED", null, amount,
				date + "T10:00+08:00");
	}

	private void funds(long project, String month, String inPlace, String outOfProvince, String foreign) {
		rows().funds(project, month, inPlace, outOfProvince, foreign);
	}

	private void correctFunds(long project, String month, String inPlace) {
		rows().correctFunds(project, month, inPlace);
	}

	private LedgerRows rows() {
		return new LedgerRows(jdbc, counted, fundsSums);
	}
}
