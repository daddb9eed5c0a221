package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic ledger of the load tests (issue 3, "Demo and load data") on H2 and PostgreSQL with the demo units:
 * realistic spread, dates that follow the stages, a stage move per stage reached, progress, and one audit entry.
 */
@SpringBootTest
class LedgerGeneratorTests {

	static final String GENERATED = "p.created_by = 'ledger-generator'";

	@Autowired
	LedgerGenerator generator;

	@Autowired
	JdbcClient jdbc;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void generates_five_hundred_consistent_projects_with_history_progress_and_one_audit_entry() {
		long auditBefore = count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project'");
		var result = generator.generate(500, 42);

		assertThat(result.projects()).isEqualTo(500);
		assertThat(count("SELECT COUNT(*) FROM project p WHERE " + GENERATED)).isEqualTo(500);
		// about N/3 investors, each with at least one project
		assertThat(result.investors()).isBetween(120, 230);
		assertThat(count("SELECT COUNT(DISTINCT merchant_id) FROM project p WHERE " + GENERATED))
			.isEqualTo(result.investors());

		// stages roughly 45/25/20/10 %
		Map<String, Long> byStage = new java.util.HashMap<>();
		jdbc.sql("SELECT stage, COUNT(*) FROM project p WHERE " + GENERATED + " GROUP BY stage")
			.query((rs, n) -> byStage.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(byStage.get("NEGOTIATING")).isBetween(180L, 270L);
		assertThat(byStage.get("SIGNED")).isBetween(85L, 165L);
		assertThat(byStage.get("COMMENCED")).isBetween(60L, 140L);
		assertThat(byStage.get("IN_PRODUCTION")).isBetween(25L, 80L);
		// mostly counties and zones, never an inactive unit; every chain used
		assertThat(count("SELECT COUNT(*) FROM project p JOIN unit u ON u.id = p.unit_id WHERE " + GENERATED
				+ " AND u.type IN ('COUNTY', 'ZONE')")).isGreaterThan(380);
		assertThat(count("SELECT COUNT(*) FROM project p JOIN unit u ON u.id = p.unit_id WHERE " + GENERATED
				+ " AND NOT u.active")).isZero();
		assertThat(count("SELECT COUNT(DISTINCT chain_id) FROM project p WHERE " + GENERATED)).isEqualTo(10);
		assertThat(count("SELECT COUNT(*) FROM project p WHERE " + GENERATED + " AND status <> 'ACTIVE'"))
			.isBetween(15L, 90L);
		assertThat(count("SELECT COUNT(*) FROM project p WHERE " + GENERATED + " AND status <> 'ACTIVE'"
				+ " AND status_reason IS NULL")).isZero();

		// the dates and figures each stage needs, in order, none in the future
		String today = "DATE '" + LocalDate.now() + "'";
		assertThat(count("""
				SELECT COUNT(*) FROM project p WHERE %s AND NOT (
				  CASE stage
				    WHEN 'NEGOTIATING' THEN signed_date IS NULL AND commenced_date IS NULL AND production_date IS NULL
				        AND contracted_investment IS NULL
				    WHEN 'SIGNED' THEN signed_date IS NOT NULL AND commenced_date IS NULL AND production_date IS NULL
				        AND contracted_investment IS NOT NULL AND contract_type IS NOT NULL
				    WHEN 'COMMENCED' THEN signed_date <= commenced_date AND production_date IS NULL
				        AND paid_in_investment IS NOT NULL
				    ELSE signed_date <= commenced_date AND commenced_date <= production_date
				        AND actual_investment IS NOT NULL
				  END
				  AND CAST(created_at AS DATE) <= COALESCE(signed_date, %s)
				  AND COALESCE(production_date, commenced_date, signed_date, %s) <= %s
				  AND planned_investment > 0 AND COALESCE(paid_in_investment, 0) <= COALESCE(contracted_investment, 0)
				  AND ((',' || types || ',') LIKE '%%,FOREIGN,%%') = (foreign_investment IS NOT NULL)
				  AND SUBSTRING(types || ',', 1, LENGTH(type) + 1) = type || ',')""".formatted(GENERATED, today, today,
				today))).isZero();

		// some projects carry more than one type (issue 10)
		assertThat(count("SELECT COUNT(*) FROM project p WHERE " + GENERATED + " AND types LIKE '%,%'")).isPositive();

		// one applied move per stage reached, dated as the project's stage date, plus one per status change
		long stagesReached = count("""
				SELECT SUM(CASE stage WHEN 'SIGNED' THEN 1 WHEN 'COMMENCED' THEN 2 WHEN 'IN_PRODUCTION' THEN 3 ELSE 0 END)
				FROM project p""" + " WHERE " + GENERATED);
		long statusChanges = count("SELECT COUNT(*) FROM project p WHERE " + GENERATED + " AND status <> 'ACTIVE'");
		assertThat(result.stageMoves()).isEqualTo(stagesReached + statusChanges);
		assertThat(count("""
				SELECT COUNT(*) FROM project_stage_move m JOIN project p ON p.id = m.project_id
				WHERE m.state = 'APPLIED' AND""" + " " + GENERATED)).isEqualTo(result.stageMoves());
		assertThat(count("""
				SELECT COUNT(*) FROM project_stage_move m JOIN project p ON p.id = m.project_id
				WHERE m.to_stage = 'SIGNED' AND m.from_stage = 'NEGOTIATING' AND m.move_date = p.signed_date
				AND m.amount = p.contracted_investment AND""" + " " + GENERATED))
			.isEqualTo(byStage.get("SIGNED") + byStage.get("COMMENCED") + byStage.get("IN_PRODUCTION"));

		// one to three progress updates each; the latest shows on the list
		assertThat(result.progressUpdates()).isBetween(500, 1500);
		assertThat(count("""
				SELECT COUNT(*) FROM project p WHERE %s AND (
				  (SELECT COUNT(*) FROM project_progress g WHERE g.project_id = p.id) NOT BETWEEN 1 AND 3
				  OR p.latest_progress_date <> (SELECT MAX(progress_date) FROM project_progress g
				                                WHERE g.project_id = p.id))""".formatted(GENERATED))).isZero();

		// sums the list footer shows add up over the units
		BigDecimal planned = jdbc.sql("SELECT SUM(planned_investment) FROM project p WHERE " + GENERATED)
			.query(BigDecimal.class)
			.single();
		List<BigDecimal> perUnit = jdbc
			.sql("SELECT SUM(planned_investment) FROM project p WHERE " + GENERATED + " GROUP BY unit_id")
			.query(BigDecimal.class)
			.list();
		assertThat(perUnit.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(planned);

		// one audit entry for the whole generation, none per project
		var entry = jdbc.sql("SELECT * FROM audit_entry WHERE action = 'GENERATE' AND record_id = 'generate-42'")
			.query()
			.singleRow();
		assertThat(entry).containsEntry("actor", "ledger-generator").containsEntry("record_type", "ledger");
		assertThat((String) entry.get("summary")).contains("500");
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project'")).isEqualTo(auditBefore);
	}
}
