package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectRelocation;
import cn.zhaoshang.support.LedgerRows;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code project_counted_sum} (ADR 0017) against the figures' rule written once more in SQL: for each month's end E
 * of 2034 and each stage, the counted moves of a unit's projects effective in the year up to E whose interval holds
 * E, by effective month. Each test works in units of its own (no other test's projects land there), through the
 * writers' paths: {@link CountedMoves#refresh} after moves are written and settled, and a relocation to another unit.
 */
@SpringBootTest
class CountedSumsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountedMoves counted;

	@Autowired
	CountedSums sums;

	@Autowired
	ProjectRelocation relocation;

	@Autowired
	AccountUserDetailsService accounts;

	@Test
	void the_month_ends_on_which_a_move_counts_stay_in_its_year_and_inside_its_interval() {
		var open = new CountedSums.Counted(1, "SIGNED", null, LocalDate.of(2034, 10, 31), LocalDate.of(2034, 10, 31),
				null);
		assertThat(CountedSums.monthEnds(open)).containsExactly(LocalDate.of(2034, 10, 31), LocalDate.of(2034, 11, 30),
				LocalDate.of(2034, 12, 31));
		// undone on 30 November (exclusive): counts at October's end only; undone on 1 December: November's too
		assertThat(CountedSums.monthEnds(new CountedSums.Counted(1, "SIGNED", null, LocalDate.of(2034, 10, 2),
				LocalDate.of(2034, 10, 2), LocalDate.of(2034, 11, 30)))).containsExactly(LocalDate.of(2034, 10, 31));
		assertThat(CountedSums.monthEnds(new CountedSums.Counted(1, "SIGNED", null, LocalDate.of(2034, 10, 2),
				LocalDate.of(2034, 10, 2), LocalDate.of(2034, 12, 1))))
			.containsExactly(LocalDate.of(2034, 10, 31), LocalDate.of(2034, 11, 30));
		// counted again from a resumption in December after a drop: December's end only
		assertThat(CountedSums.monthEnds(new CountedSums.Counted(1, "COMMENCED", null, LocalDate.of(2034, 3, 5),
				LocalDate.of(2034, 12, 10), null))).containsExactly(LocalDate.of(2034, 12, 31));
	}

	@Test
	void the_sums_follow_moves_settled_undone_and_a_relocation() {
		long a = unit();
		long b = unit();
		long chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		long p = project(a, chain);
		move(p, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2034-02-10", "APPLIED", null, "1234.56");
		long q = project(a, chain);
		// a signing approved a month after its date counts from the approval
		move(q, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2034-03-20", "APPROVED", "2034-04-02T10:00+08:00", "50");
		move(q, "SIGNED", "COMMENCED", "ACTIVE", "ACTIVE", "2034-06-01", "APPLIED", null, null);
		assertThat(stored(a)).isEqualTo(expected(a)).isNotEmpty();

		// the commencement is moved back in August (commencement no longer counts from then), the project dropped in
		// October and resumed in November
		move(q, "COMMENCED", "SIGNED", "ACTIVE", "ACTIVE", "2034-08-15", "APPLIED", null, null);
		move(q, "SIGNED", "SIGNED", "ACTIVE", "DROPPED", null, "APPLIED", null, null, "2034-10-03T09:00+08:00");
		move(q, "SIGNED", "SIGNED", "DROPPED", "ACTIVE", null, "APPLIED", null, null, "2034-11-12T09:00+08:00");
		assertThat(stored(a)).isEqualTo(expected(a));
		assertThat(stored(a).get("2034-09-30 COMMENCED 2034-06-01")).as("moved back before September's end").isNull();
		assertThat(stored(a).get("2034-07-31 COMMENCED 2034-06-01")).isEqualTo("1 0.00");
		assertThat(stored(a).get("2034-12-31 SIGNED 2034-02-01")).isEqualTo("1 1234.56");

		// relocated: its counted moves leave unit a for unit b
		relocation.relocate(new ProjectId(p), new UnitId(b), LocalDate.of(2034, 12, 1), "测试", user("city"));
		assertThat(stored(a)).isEqualTo(expected(a));
		assertThat(stored(b)).isEqualTo(expected(b)).containsEntry("2034-12-31 SIGNED 2034-02-01", "1 1234.56");
		assertThat(stored(a)).doesNotContainKey("2034-12-31 SIGNED 2034-02-01");

		// rebuilding gives what the writers kept
		var before = stored(a);
		sums.rebuild();
		assertThat(stored(a)).isEqualTo(before);
	}

	// ===================================================================================================== helpers

	/** The table's non-zero rows of a unit: "E stage month" → "count amount". */
	private Map<String, String> stored(long unit) {
		Map<String, String> rows = new TreeMap<>();
		jdbc.sql("""
				SELECT as_of, to_stage, effective_month, move_count, amount FROM project_counted_sum
				WHERE unit_id = :u AND move_count <> 0""").param("u", unit).query(rs -> {
			rows.put(rs.getObject(1, LocalDate.class) + " " + rs.getString(2) + " " + rs.getObject(3, LocalDate.class),
					rs.getLong(4) + " " + rs.getBigDecimal(5).setScale(2).toPlainString());
		});
		return rows;
	}

	/** The same from the counted moves by the rule in SQL, for every month's end of 2034. */
	private Map<String, String> expected(long unit) {
		Map<String, String> rows = new TreeMap<>();
		for (int m = 1; m <= 12; m++) {
			LocalDate e = LocalDate.of(2034, m, 1).plusMonths(1).minusDays(1);
			jdbc.sql("""
					SELECT c.to_stage, c.effective_date, COALESCE(c.amount, 0) FROM project_counted_move c
					JOIN project p ON p.id = c.project_id
					WHERE p.unit_id = :u AND c.effective_date >= :y AND c.effective_date <= :e AND c.counted_from <= :e
					  AND (c.counted_to IS NULL OR c.counted_to > :e)""")
				.param("u", unit)
				.param("y", LocalDate.of(2034, 1, 1))
				.param("e", e)
				.query(rs -> {
					String key = e + " " + rs.getString(1) + " " + rs.getObject(2, LocalDate.class).withDayOfMonth(1);
					String[] was = rows.getOrDefault(key, "0 0.00").split(" ");
					rows.put(key, (Long.parseLong(was[0]) + 1) + " "
							+ new BigDecimal(was[1]).add(rs.getBigDecimal(3)).setScale(2).toPlainString());
				});
		}
		return rows;
	}

	private long unit() {
		String code = "cs-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (:c, :n, 'COUNTY')")
			.param("c", code)
			.param("n", "计数测试" + code)
			.update();
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long project(long unit, long chain) {
		return new LedgerRows(jdbc, counted, null).project(unit, "CS-", "计数测试投资有限公司");
	}

	private void move(long project, String from, String to, String fromStatus, String toStatus, String date,
			String state, String reviewedAt, String amount) {
		move(project, from, to, fromStatus, toStatus, date, state, reviewedAt, amount,
				(date == null ? "2034-01-01" : date) + "T10:00+08:00");
	}

	private void move(long project, String from, String to, String fromStatus, String toStatus, String date,
			String state, String reviewedAt, String amount, String submittedAt) {
		new LedgerRows(jdbc, counted, null).move(project, from, to, fromStatus, toStatus, date, state, reviewedAt,
				amount, submittedAt);
	}

	private CurrentUser user(String username) {
		return accounts.loadUserByUsername(username);
	}
}
