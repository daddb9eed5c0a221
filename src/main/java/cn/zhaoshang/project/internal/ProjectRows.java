package cn.zhaoshang.project.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes many project rows at once, in JDBC batches of {@value #BATCH}, bypassing the aggregate (no gates, no
 * events, no audit: the caller audits). The one bulk writer of the {@code project} table: the ledger import and the
 * load-data generator both write through it. Single projects go through {@link ProjectRepository}.
 */
@Component
class ProjectRows {

	static final int BATCH = 1000;

	private final NamedParameterJdbcOperations jdbc;
	private final CreditShareStore shares;
	private final FundsSums sums;
	private final CountedSums counted;

	ProjectRows(NamedParameterJdbcOperations jdbc, CreditShareStore shares, FundsSums sums, CountedSums counted) {
		this.jdbc = jdbc;
		this.shares = shares;
		this.sums = sums;
		this.counted = counted;
	}

	/**
	 * Inserts the projects (each with its code, version 0, {@code createdBy}, {@code createdAt} and
	 * {@code updatedAt} set) and sets their ids. Plain batches, then the new ids by code: asking the driver for
	 * generated keys makes PostgreSQL answer every row of a batch, which took several times as long.
	 */
	void insert(List<Project> projects) {
		for (int from = 0; from < projects.size(); from += BATCH) {
			List<Project> chunk = projects.subList(from, Math.min(projects.size(), from + BATCH));
			jdbc.batchUpdate("""
					INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, types,
					    negotiation_date, registered_date, stage, status,
					    status_reason, planned_investment, foreign_investment, contracted_investment,
					    paid_in_investment, actual_investment, jobs, key_project, contract_type, signed_date,
					    commenced_date, production_date, leader_id, leader_name, chief_attendant_id,
					    chief_attendant_name, names_unmatched, evidence_pending, latest_progress, latest_progress_date,
					    version, created_by, created_at, updated_at)
					VALUES (:code, :name, :merchant, :investor, :unit, :chain, :type, :types, :negotiation, :registered,
					    :stage, :status, :statusReason,
					    :planned, :foreign, :contracted, :paidIn, :actual, :jobs, :key, :contractType, :signed,
					    :commenced, :production, :leaderId, :leaderName, :attendantId, :attendantName, :unmatched,
					    :pending, :progress, :progressDate, 0, :createdBy, :createdAt, :updatedAt)""",
					chunk.stream().map(ProjectRows::params).toArray(SqlParameterSource[]::new));
			Map<String, Project> byCode = chunk.stream().collect(Collectors.toMap(p -> p.code, p -> p));
			jdbc.query("SELECT p.id, p.code FROM project p JOIN (VALUES :codes) AS k(v) ON p.code = k.v",
					Map.of("codes", values(byCode.keySet())), (rs, n) -> byCode.get(rs.getString(2)).id = rs.getLong(1));
			chunk.forEach(p -> p.version = 0);
			// each new project's default credit share, 100 % to its landing unit (ADR 0012)
			shares.addDefaults(chunk.stream().map(p -> new long[] { p.id, p.unitId }).toList(), chunk.get(0).createdBy);
		}
	}

	/**
	 * Updates the fields an import may change (and {@code updatedAt}), each row only if nobody saved the project
	 * since it was read ({@link OptimisticLockingFailureException} otherwise); the versions move on by one.
	 */
	void update(List<Project> projects) {
		for (int from = 0; from < projects.size(); from += BATCH) {
			List<Project> chunk = projects.subList(from, Math.min(projects.size(), from + BATCH));
			// the funds sums follow a changed unit, chain or type set (issue 10, FundsSums)
			Map<Long, FundsSums.ProjectKey> keys = new java.util.HashMap<>();
			chunk.forEach(p -> keys.put(p.id, FundsSums.ProjectKey.of(p.unitId, p.chainId, p.types().primary().name(),
					p.types().canonical(), p.status().name(), p.signedDate)));
			sums.follow(keys);
			counted.follow(chunk.stream().collect(java.util.stream.Collectors.toMap(p -> p.id, p -> p.unitId)));
			int[] counts = jdbc.batchUpdate("""
					UPDATE project SET merchant_id = :merchant, investor_name = :investor, unit_id = :unit,
					    chain_id = :chain, type = :type, types = :types, negotiation_date = :negotiation,
					    registered_date = :registered, stage = :stage, planned_investment = :planned,
					    foreign_investment = :foreign, key_project = :key, signed_date = :signed,
					    commenced_date = :commenced, production_date = :production, leader_id = :leaderId,
					    leader_name = :leaderName, chief_attendant_id = :attendantId,
					    chief_attendant_name = :attendantName, names_unmatched = :unmatched,
					    evidence_pending = :pending, latest_progress = :progress,
					    latest_progress_date = :progressDate, updated_at = :updatedAt, version = version + 1
					WHERE id = :id AND version = :version""",
					chunk.stream().map(ProjectRows::params).toArray(SqlParameterSource[]::new));
			for (int i = 0; i < counts.length; i++) {
				// SUCCESS_NO_INFO (-2) is a driver's "done, count unknown"; 0 means someone saved it meanwhile
				if (counts[i] == 0) {
					throw new OptimisticLockingFailureException("project " + chunk.get(i).id + " changed meanwhile");
				}
			}
			chunk.forEach(p -> p.version = p.version + 1);
			// a changed landing unit takes the default credit share with it (ADR 0012)
			shares.followLandingUnits(chunk.stream().map(p -> new long[] { p.id, p.unitId }).toList(), null);
		}
	}

	/**
	 * Look-up keys as a VALUES list to join with, not an IN list: with the generic plan PostgreSQL caches for a
	 * statement run again and again (and table statistics that lag behind a bulk insert), an IN list of a thousand
	 * parameters is compared row by row against every row; a join hashes the keys whatever the plan.
	 */
	static List<Object[]> values(Collection<?> keys) {
		return keys.stream().map(v -> new Object[] { v }).toList();
	}

	/** Typed parameters: with a SQL type for every nullable value the driver is never asked for metadata. */
	private static SqlParameterSource params(Project p) {
		return new MapSqlParameterSource().addValue("id", p.id, Types.BIGINT)
			.addValue("version", p.version, Types.INTEGER)
			.addValue("code", p.code, Types.VARCHAR)
			.addValue("name", p.name, Types.VARCHAR)
			.addValue("merchant", p.merchantId, Types.BIGINT)
			.addValue("investor", p.investorName, Types.VARCHAR)
			.addValue("unit", p.unitId, Types.BIGINT)
			.addValue("chain", p.chainId, Types.BIGINT)
			.addValue("type", p.types().primary().name(), Types.VARCHAR)
			.addValue("types", p.types().canonical(), Types.VARCHAR)
			.addValue("negotiation", p.negotiationDate != null ? p.negotiationDate
					: p.createdAt == null ? null : java.time.LocalDate.ofInstant(p.createdAt, java.time.ZoneId.systemDefault()),
					Types.DATE)
			.addValue("registered", p.registeredDate, Types.DATE)
			.addValue("stage", p.stage.name(), Types.VARCHAR)
			.addValue("status", p.status.name(), Types.VARCHAR)
			.addValue("statusReason", p.statusReason, Types.VARCHAR)
			.addValue("planned", p.plannedInvestment, Types.NUMERIC)
			.addValue("foreign", p.foreignInvestment, Types.NUMERIC)
			.addValue("contracted", p.contractedInvestment, Types.NUMERIC)
			.addValue("paidIn", p.paidInInvestment, Types.NUMERIC)
			.addValue("actual", p.actualInvestment, Types.NUMERIC)
			.addValue("jobs", p.jobs, Types.INTEGER)
			.addValue("key", p.keyProject, Types.BOOLEAN)
			.addValue("contractType", p.contractType == null ? null : p.contractType.name(), Types.VARCHAR)
			.addValue("signed", p.signedDate, Types.DATE)
			.addValue("commenced", p.commencedDate, Types.DATE)
			.addValue("production", p.productionDate, Types.DATE)
			.addValue("leaderId", p.leaderId, Types.BIGINT)
			.addValue("leaderName", p.leaderName, Types.VARCHAR)
			.addValue("attendantId", p.chiefAttendantId, Types.BIGINT)
			.addValue("attendantName", p.chiefAttendantName, Types.VARCHAR)
			.addValue("unmatched", p.namesUnmatched, Types.BOOLEAN)
			.addValue("pending", p.evidencePending, Types.BOOLEAN)
			.addValue("progress", p.latestProgress, Types.VARCHAR)
			.addValue("progressDate", p.latestProgressDate, Types.DATE)
			.addValue("createdBy", p.createdBy, Types.VARCHAR)
			.addValue("createdAt", utc(p.createdAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("updatedAt", utc(p.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	private static Object utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}
}
