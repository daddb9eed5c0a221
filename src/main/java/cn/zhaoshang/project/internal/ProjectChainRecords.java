package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.ChainRecord;
import cn.zhaoshang.chain.ChainRecords;
import cn.zhaoshang.chain.StageFigure;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects as the chain pages count and list them (kind {@code project}, by stage): the projects a chain's target
 * enterprises led to, the chain's projects by stage with their contracted investment (dropped ones left out), its
 * key-project reserve pool, and the enterprise's projects offered for linking. A project outside the reader's data
 * scope is counted, never shown.
 */
@Component
class ProjectChainRecords implements ChainRecords {

	private static final List<String> STAGES = Arrays.stream(Stage.values()).map(Enum::name).toList();

	private final JdbcClient jdbc;
	private final DataScopes scopes;

	ProjectChainRecords(JdbcClient jdbc, DataScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Override
	public String kind() {
		return "project";
	}

	@Override
	public List<String> stages() {
		return STAGES;
	}

	@Override
	public String stageKey(String stage) {
		return Stage.valueOf(stage).messageKey();
	}

	@Override
	public List<ChainRecord> find(Collection<Long> ids, CurrentUser user) {
		if (ids.isEmpty()) {
			return List.of();
		}
		DataScope scope = user == null ? DataScope.NONE : scopes.of(user);
		return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query((rs, n) -> row(rs, scope))
			.list();
	}

	@Override
	public List<ChainRecord> ofMerchant(long merchantId, CurrentUser user, int limit) {
		DataScope scope = scopes.of(user);
		return jdbc.sql(SELECT + " WHERE merchant_id = :m ORDER BY updated_at DESC, id DESC")
			.param("m", merchantId)
			.query((rs, n) -> row(rs, scope))
			.list()
			.stream()
			.filter(ChainRecord::readable)
			.limit(limit)
			.toList();
	}

	@Override
	public List<StageFigure> byStage(ChainId chain) {
		return jdbc.sql("SELECT stage, COUNT(*), SUM(contracted_investment) FROM project WHERE chain_id = :c"
				+ " AND status <> 'DROPPED' GROUP BY stage")
			.param("c", chain.value())
			.query((rs, n) -> new StageFigure(rs.getString(1), stageKey(rs.getString(1)), rs.getLong(2),
					rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3)))
			.list();
	}

	@Override
	public List<ChainRecord> keyRecords(ChainId chain, CurrentUser user, int limit) {
		DataScope scope = scopes.of(user);
		return jdbc.sql(SELECT + " WHERE chain_id = :c AND key_project = TRUE AND status <> 'DROPPED'"
				+ " ORDER BY COALESCE(contracted_investment, planned_investment) DESC, id LIMIT :limit")
			.param("c", chain.value())
			.param("limit", limit)
			.query((rs, n) -> row(rs, scope))
			.list()
			.stream()
			.filter(ChainRecord::readable)
			.toList();
	}

	private static final String SELECT = "SELECT id, code, name, stage, status, unit_id,"
			+ " COALESCE(contracted_investment, planned_investment), key_project FROM project";

	private ChainRecord row(java.sql.ResultSet rs, DataScope scope) throws java.sql.SQLException {
		long id = rs.getLong(1);
		long unit = rs.getLong(6);
		boolean readable = scope.canRead(new UnitId(unit));
		String stage = rs.getString(4);
		String key = "ACTIVE".equals(rs.getString(5)) ? stageKey(stage) : "status." + rs.getString(5);
		return new ChainRecord(kind(), id, readable ? rs.getString(2) + " " + rs.getString(3) : null, stage, key, unit,
				rs.getBigDecimal(7), rs.getBoolean(8), readable ? "/projects/" + id : null);
	}
}
