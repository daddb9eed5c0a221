package cn.zhaoshang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.project.internal.ReadModelRebuild;

/**
 * The all-entity benchmark data set (issue 15) at a small scale, on H2 and PostgreSQL: every table gets the rows the
 * result reports, the rows are consistent the way the application keeps them (normalized enterprise names, a clue's
 * last follow-up date, projects' investors, a creation record per clue), and the rebuilt summary tables agree with
 * the rows. Its own context: it writes hundreds of rows that other tests' counts do not expect.
 */
@SpringBootTest(properties = "zhaoshang.test.context=dataset-generator")
class DataSetGeneratorTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReadModelRebuild rebuild;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void writes_every_entity_consistently_and_the_rebuilt_sums_match_the_rows() {
		long clueBefore = count("SELECT COUNT(*) FROM clue");
		long merchantBefore = count("SELECT COUNT(*) FROM merchant");
		long fieldsBefore = count("SELECT COUNT(*) FROM talent_field");
		var sizes = new DataSetGenerator.Sizes(300, 40, 150, 600);
		var result = new DataSetGenerator(dataSource).generate(sizes, 7, YearMonth.of(2026, 11),
				java.time.LocalDate.of(2026, 12, 7));

		assertThat(count("SELECT COUNT(*) FROM merchant")).isEqualTo(merchantBefore + 300);
		assertThat(result.rows()).containsEntry("merchant", 300L).containsEntry("merchant_chain", 300L)
			.containsEntry("talent", 40L).containsEntry("clue", 600L).containsEntry("clue_assignment", 600L)
			.containsEntry("project", 150L);
		assertThat(count("SELECT COUNT(*) FROM clue")).isEqualTo(clueBefore + 600);
		assertThat(count("SELECT COUNT(*) FROM clue_follow_up f JOIN clue c ON c.id = f.clue_id WHERE c.created_by = 'bench'"))
			.isEqualTo(result.rows().get("clue_follow_up")).isGreaterThan(600);
		assertThat(count("SELECT COUNT(*) FROM talent_field") - fieldsBefore).isEqualTo(result.rows().get("talent_field"))
			.isGreaterThanOrEqualTo(40);
		assertThat(count("SELECT COUNT(*) FROM project_progress WHERE created_by = 'bench'"))
			.isEqualTo(result.rows().get("project_progress")).isPositive();
		// normalized names as the merchant module computes them
		jdbc.sql("SELECT name, normalized_name FROM merchant WHERE created_by = 'bench'")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> assertThat(e.getValue()).isEqualTo(EnterpriseNames.normalize(e.getKey())));
		assertThat(count("SELECT COUNT(DISTINCT name) FROM merchant WHERE created_by = 'bench'")).isEqualTo(300);
		// a clue's last follow-up date is its latest follow-up's (or its creation day without one)
		assertThat(count("""
				SELECT COUNT(*) FROM clue c WHERE c.created_by = 'bench' AND c.last_follow_up_at <> COALESCE(
				    (SELECT MAX(f.follow_up_date) FROM clue_follow_up f WHERE f.clue_id = c.id),
				    CAST(c.created_at AS DATE))""")).isZero();
		assertThat(count("SELECT COUNT(*) FROM clue WHERE created_by = 'bench' AND status = 'NEW' AND EXISTS "
				+ "(SELECT 1 FROM clue_follow_up f WHERE f.clue_id = clue.id)")).isZero();
		// projects' investors are generated enterprises, by id and name
		assertThat(count("SELECT COUNT(*) FROM project p JOIN merchant m ON m.id = p.merchant_id "
				+ "WHERE p.created_by = 'bench' AND m.created_by = 'bench' AND m.name = p.investor_name")).isEqualTo(150);
		// the identities moved past the explicit ids: the application can keep inserting
		long next = jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('后来者有限公司', '后来者')")
			.update();
		assertThat(next).isEqualTo(1);

		Map<String, Long> rebuilt = rebuild.rebuild();
		assertThat(rebuilt.get("project_funds_sum")).isPositive();
		assertThat(jdbc.sql("SELECT COALESCE(SUM(funds_in_place), 0) FROM project_funds_sum")
			.query(java.math.BigDecimal.class).single())
			.isEqualByComparingTo(jdbc.sql("SELECT COALESCE(SUM(funds_in_place), 0) FROM project_funds")
				.query(java.math.BigDecimal.class).single());
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'REBUILD' AND record_type = 'ledger'"))
			.isEqualTo(1);
	}

	@Test
	void enterprise_names_are_distinct_for_the_first_six_hundred_thousand() {
		var seen = new java.util.HashSet<String>();
		for (int n = 0; n < 600_000; n++) {
			seen.add(DataSetGenerator.enterpriseName(n));
		}
		assertThat(seen).hasSize(600_000);
		assertThat(DataSetGenerator.enterpriseName(600_000)).isNotIn(seen);
	}
}
