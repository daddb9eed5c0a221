package cn.zhaoshang.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ledger rows written the way the ledger stores them, through the paths that keep the read models (ADR 0013, 0017):
 * a project with its default share, a stage move followed by {@link CountedMoves#refresh}, a funds row between
 * {@link FundsSums#snapshot} and {@code update}. For the tests of the sums and the figures.
 */
public final class LedgerRows {

	private final JdbcClient jdbc;
	private final CountedMoves counted;
	private final FundsSums funds;

	public LedgerRows(JdbcClient jdbc, CountedMoves counted, FundsSums funds) {
		this.jdbc = jdbc;
		this.counted = counted;
		this.funds = funds;
	}

	/** A new project in 在谈 of this unit (chain 化工), 100 % to its landing unit; its id. */
	public long project(long unit, String prefix, String investorPrefix) {
		long chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		String code = prefix + UUID.randomUUID().toString().substring(0, 8);
		String investor = investorPrefix + code;
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", investor).update();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :code, (SELECT id FROM merchant WHERE name = :n), :n, :u, :chain, 'NEW', 'NEGOTIATING',
				    'ACTIVE', 1000)""")
			.param("code", code)
			.param("n", investor)
			.param("u", unit)
			.param("chain", chain)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""").param("p", id).param("u", unit).update();
		return id;
	}

	/** A stage or status move (date null for a status move), the project's stage and status set, refreshed. */
	public void move(long project, String from, String to, String fromStatus, String toStatus, String date,
			String state, String reviewedAt, String amount, String submittedAt) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    reason, state, submitted_by, submitted_at, reviewed_by, reviewed_at, amount)
				VALUES (:p, :from, :to, :fst, :tst, :d, 'test', :state, 'test', :at, :rb, :rat, :a)""")
			.param("p", project)
			.param("from", from)
			.param("to", to)
			.param("fst", fromStatus)
			.param("tst", toStatus)
			.param("d", date == null ? null : LocalDate.parse(date))
			.param("state", state)
			.param("at", OffsetDateTime.parse(submittedAt))
			.param("rb", reviewedAt == null ? null : "city")
			.param("rat", reviewedAt == null ? null : OffsetDateTime.parse(reviewedAt))
			.param("a", amount == null ? null : new BigDecimal(amount))
			.update();
		jdbc.sql("UPDATE project SET stage = :s, status = :st, version = version + 1 WHERE id = :p")
			.param("s", to)
			.param("st", toStatus)
			.param("p", project)
			.update();
		counted.refresh(List.of(project));
	}

	/** A funds row of a month (its first day). */
	public void funds(long project, String month, String inPlace, String outOfProvince, String foreign) {
		var before = funds.snapshot(List.of(project));
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used)
				VALUES (:p, :m, :f, :o, :u)""")
			.param("p", project)
			.param("m", LocalDate.parse(month))
			.param("f", new BigDecimal(inPlace))
			.param("o", new BigDecimal(outOfProvince))
			.param("u", new BigDecimal(foreign))
			.update();
		funds.update(before);
	}

	/** A funds row's amount in place corrected. */
	public void correctFunds(long project, String month, String inPlace) {
		var before = funds.snapshot(List.of(project));
		jdbc.sql("UPDATE project_funds SET funds_in_place = :f WHERE project_id = :p AND funds_month = :m")
			.param("p", project)
			.param("m", LocalDate.parse(month))
			.param("f", new BigDecimal(inPlace))
			.update();
		funds.update(before);
	}
}
