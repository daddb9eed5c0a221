package cn.zhaoshang.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.zhaoshang.platform.ProjectId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contracted investment (合同投资额, 万元) of ledger projects, for modules downstream of the ledger (a signing
 * ceremony lists its projects with their amounts and totals them). Read-only and without a user's rights: the caller
 * decides who may see the list it shows.
 */
@Service
public class ContractedAmounts {

	/**
	 * One project with its contracted investment.
	 *
	 * @param amount in 万元, {@code null} while the ledger has none recorded
	 */
	public record Contracted(ProjectId id, String code, String name, long unitId, String unitName, Stage stage,
			BigDecimal amount) {
	}

	private final JdbcClient jdbc;

	ContractedAmounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The projects with these ids that exist, by code. */
	public List<Contracted> of(Collection<ProjectId> ids) {
		List<Long> all = ids.stream().map(ProjectId::value).distinct().toList();
		List<Contracted> found = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 500) {
			found.addAll(jdbc.sql("""
					SELECT p.id, p.code, p.name, p.unit_id, u.name AS unit_name, p.stage, p.contracted_investment
					FROM project p JOIN unit u ON u.id = p.unit_id WHERE p.id IN (:ids) ORDER BY p.code""")
				.param("ids", all.subList(i, Math.min(all.size(), i + 500)))
				.query((rs, n) -> new Contracted(new ProjectId(rs.getLong(1)), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getString(5), Stage.valueOf(rs.getString(6)), rs.getBigDecimal(7)))
				.list());
		}
		found.sort(java.util.Comparator.comparing(Contracted::code));
		return found;
	}
}
