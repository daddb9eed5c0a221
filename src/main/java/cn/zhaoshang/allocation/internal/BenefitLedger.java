package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Shares;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The benefit ledger (issue 12): per unit and year, every project of a benefit-sharing agreement the unit is party
 * to (introducer or receiver) whose term touches the year, with the unit's share and its credited part of the
 * year's funds in place and of the contracted investment. Credited as the supervision figures credit them: by the
 * shares in force on the period's last day, split to the fen by the largest-remainder rule ({@link Shares}).
 */
@Service
public class BenefitLedger {

	/** One credited line; amounts in 10,000 yuan. */
	public record Line(long unitId, String unitName, long projectId, String projectCode, String projectName,
			long agreementId, long transferId, String role, BigDecimal share, BigDecimal fundsInPlace,
			BigDecimal contractedInvestment, BigDecimal projectFunds, BigDecimal projectContracted, LocalDate validFrom,
			LocalDate validTo) {
	}

	/** The lines and their totals. */
	public record Result(int year, Long unitId, List<Line> items, BigDecimal fundsInPlace,
			BigDecimal contractedInvestment) {
	}

	private final JdbcClient jdbc;

	BenefitLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Party(long agreementId, long transferId, long projectId, String code, String name, long unitId,
			String unitName, String role, BigDecimal contracted, LocalDate from, LocalDate to) {
	}

	/** The ledger of one unit, or of every unit when {@code unitId} is null. */
	public Result of(Long unitId, int year) {
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		List<Party> parties = new ArrayList<>();
		for (String role : List.of("INTRODUCER", "RECEIVER")) {
			String column = role.equals("INTRODUCER") ? "a.introducer_unit_id" : "a.receiver_unit_id";
			jdbc.sql("""
					SELECT a.id, a.transfer_id, p.id AS pid, p.code, p.name, u.id AS uid, u.name AS uname,
					  p.contracted_investment, a.valid_from, a.valid_to
					FROM benefit_agreement a
					JOIN project p ON p.id = a.project_id
					JOIN unit u ON u.id = %s
					WHERE a.valid_from <= :e AND a.valid_to >= :s%s""".formatted(column,
					unitId == null ? "" : " AND " + column + " = :u"))
				.param("s", start)
				.param("e", end)
				.params(unitId == null ? Map.of() : Map.of("u", unitId))
				.query(rs -> {
					parties.add(new Party(rs.getLong("id"), rs.getLong("transfer_id"), rs.getLong("pid"),
							rs.getString("code"), rs.getString("name"), rs.getLong("uid"), rs.getString("uname"), role,
							rs.getBigDecimal("contracted_investment"), rs.getObject("valid_from", LocalDate.class),
							rs.getObject("valid_to", LocalDate.class)));
				});
		}
		Map<Long, List<Shares.Share>> shares = new HashMap<>();
		Map<Long, BigDecimal> funds = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		BigDecimal totalFunds = BigDecimal.ZERO.setScale(2);
		BigDecimal totalContracted = BigDecimal.ZERO.setScale(2);
		for (Party p : parties) {
			List<Shares.Share> s = shares.computeIfAbsent(p.projectId(), id -> sharesOn(id, end));
			BigDecimal f = funds.computeIfAbsent(p.projectId(), id -> funds(id, start, end));
			BigDecimal c = p.contracted() == null ? BigDecimal.ZERO.setScale(2) : p.contracted().setScale(2);
			int bp = s.stream().filter(x -> x.key() == p.unitId()).mapToInt(Shares.Share::basisPoints).sum();
			BigDecimal fundsPart = s.isEmpty() ? BigDecimal.ZERO.setScale(2)
					: Shares.splitAmount(f, s).getOrDefault(p.unitId(), BigDecimal.ZERO.setScale(2));
			BigDecimal contractedPart = s.isEmpty() ? BigDecimal.ZERO.setScale(2)
					: Shares.splitAmount(c, s).getOrDefault(p.unitId(), BigDecimal.ZERO.setScale(2));
			lines.add(new Line(p.unitId(), p.unitName(), p.projectId(), p.code(), p.name(), p.agreementId(),
					p.transferId(), p.role(), BigDecimal.valueOf(bp, 2), fundsPart, contractedPart, f, c, p.from(),
					p.to()));
			totalFunds = totalFunds.add(fundsPart);
			totalContracted = totalContracted.add(contractedPart);
		}
		lines.sort(java.util.Comparator.comparing(Line::unitName)
			.thenComparing(Line::projectCode)
			.thenComparingLong(Line::agreementId));
		return new Result(year, unitId, lines, totalFunds, totalContracted);
	}

	/** The project's shares in force on a date (one share per unit). */
	private List<Shares.Share> sharesOn(long projectId, LocalDate date) {
		Map<Long, Integer> m = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT unit_id, share_bp FROM project_credit_share
				WHERE project_id = :p AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)
				ORDER BY unit_id""")
			.param("p", projectId)
			.param("d", date)
			.query(rs -> {
				m.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
			});
		List<Shares.Share> out = new ArrayList<>();
		m.forEach((u, bp) -> out.add(new Shares.Share(u, bp)));
		return out.stream().mapToInt(Shares.Share::basisPoints).sum() == Shares.WHOLE ? out : List.of();
	}

	private BigDecimal funds(long projectId, LocalDate start, LocalDate end) {
		BigDecimal sum = jdbc.sql("""
				SELECT SUM(funds_in_place) FROM project_funds
				WHERE project_id = :p AND funds_month >= :s AND funds_month <= :e""")
			.param("p", projectId)
			.param("s", start)
			.param("e", end)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
	}
}
