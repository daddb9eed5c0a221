package cn.zhaoshang.project.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps a project's cumulative paid-in investment ({@code project.paid_in_investment}) equal to the sum of its
 * monthly funds rows ({@code project_funds.funds_in_place}, issue 10). Every writer of funds rows (the project page,
 * the unit's monthly grid, the API, the funds import, the demo data) calls {@link #recompute} in the same transaction,
 * after its writes; a project without rows has {@code NULL}.
 */
@Component
class PaidInTotals {

	static final String RECOMPUTE = """
			UPDATE project SET paid_in_investment =
			    (SELECT SUM(f.funds_in_place) FROM project_funds f WHERE f.project_id = project.id)
			WHERE id IN (:ids)""";

	/** Bind lists of at most this many ids (PostgreSQL's parameter limit is far above, H2's plan cache likes it). */
	private static final int CHUNK = 1_000;

	private final NamedParameterJdbcOperations jdbc;

	PaidInTotals(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets each project's paid-in investment to the sum of its funds rows. */
	void recompute(Collection<Long> projectIds) {
		List<Long> ids = List.copyOf(projectIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.update(RECOMPUTE, Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))));
		}
	}
}
