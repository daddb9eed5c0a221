package cn.zhaoshang.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Finds the projects an imported ledger names: the project of the same name and investor, with one query per
 * thousand investors. Plain SQL into the aggregate's fields rather than the repository: mapping ten thousand
 * aggregates through Spring Data took two seconds.
 */
@Component
class LedgerProjectMatcher {

	private final NamedParameterJdbcOperations jdbc;

	LedgerProjectMatcher(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets each row's {@link LedgerRow#project} (null for a new project). The rows' investors are matched. */
	void match(List<LedgerRow> lines) {
		List<Long> ids = lines.stream().map(l -> l.merchantId).distinct().toList();
		Map<LedgerRow.Key, Project> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += ProjectRows.BATCH) {
			// an IN list on the indexed column (an index scan), not a VALUES join: PostgreSQL estimates three projects
			// per investor and hashes the keys against a scan of every project (223 ms per thousand at 200,000
			// projects, against 7 ms for the index; issue 15)
			jdbc.query("SELECT p.* FROM project p WHERE p.merchant_id IN (:ids)",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + ProjectRows.BATCH))),
					(rs, n) -> project(rs))
				.forEach(p -> found.put(new LedgerRow.Key(p.name, p.merchantId), p));
		}
		for (LedgerRow line : lines) {
			line.project = found.get(line.projectKey());
		}
	}

	/** A stored project: every field the import compares, changes or records in the audit trail. */
	private static Project project(ResultSet rs) throws SQLException {
		Project p = new Project();
		p.id = rs.getLong("id");
		p.code = rs.getString("code");
		p.name = rs.getString("name");
		p.merchantId = rs.getLong("merchant_id");
		p.investorName = rs.getString("investor_name");
		p.unitId = rs.getLong("unit_id");
		p.introUnitId = rs.getObject("intro_unit_id", Long.class);
		p.introducers = rs.getString("introducers");
		p.chainId = rs.getLong("chain_id");
		p.chainLink = rs.getString("chain_link");
		p.type = ProjectType.valueOf(rs.getString("type"));
		p.types = rs.getString("types");
		p.negotiationDate = rs.getObject("negotiation_date", LocalDate.class);
		p.registeredDate = rs.getObject("registered_date", LocalDate.class);
		String mode = rs.getString("promotion_mode");
		p.promotionMode = mode == null ? null : PromotionMode.valueOf(mode);
		p.stage = Stage.valueOf(rs.getString("stage"));
		p.status = ProjectStatus.valueOf(rs.getString("status"));
		p.statusReason = rs.getString("status_reason");
		p.plannedInvestment = rs.getBigDecimal("planned_investment");
		p.foreignInvestment = rs.getBigDecimal("foreign_investment");
		p.contractedInvestment = rs.getBigDecimal("contracted_investment");
		p.paidInInvestment = rs.getBigDecimal("paid_in_investment");
		p.actualInvestment = rs.getBigDecimal("actual_investment");
		p.annualOutput = rs.getBigDecimal("annual_output");
		p.annualTax = rs.getBigDecimal("annual_tax");
		p.jobs = rs.getObject("jobs", Integer.class);
		p.landNeedMu = rs.getBigDecimal("land_need_mu");
		p.factoryNeedM2 = rs.getBigDecimal("factory_need_m2");
		p.keyProject = rs.getBoolean("key_project");
		String contract = rs.getString("contract_type");
		p.contractType = contract == null ? null : ContractType.valueOf(contract);
		p.signedDate = rs.getObject("signed_date", LocalDate.class);
		p.commencedDate = rs.getObject("commenced_date", LocalDate.class);
		p.productionDate = rs.getObject("production_date", LocalDate.class);
		p.leaderId = rs.getObject("leader_id", Long.class);
		p.leaderName = rs.getString("leader_name");
		p.chiefAttendantId = rs.getObject("chief_attendant_id", Long.class);
		p.chiefAttendantName = rs.getString("chief_attendant_name");
		p.namesUnmatched = rs.getBoolean("names_unmatched");
		p.evidencePending = rs.getBoolean("evidence_pending");
		p.pendingMoveId = rs.getObject("pending_move_id", Long.class);
		p.problems = rs.getString("problems");
		p.latestProgress = rs.getString("latest_progress");
		p.latestProgressDate = rs.getObject("latest_progress_date", LocalDate.class);
		p.version = rs.getInt("version");
		return p;
	}
}
