package cn.zhaoshang.clue.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.ChainRecord;
import cn.zhaoshang.chain.ChainRecords;
import cn.zhaoshang.chain.StageFigure;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clues as the chain pages count and list them (kind {@code clue}, by status): the clues a chain's target
 * enterprises led to, the chain's clues by status, and the enterprise's clues offered for linking. Every internal
 * user reads every clue (ClueAccess); an intermediary only the clues they submitted.
 */
@Component
class ClueChainRecords implements ChainRecords {

	private static final List<String> STATUSES = Arrays.stream(ClueStatus.values()).map(Enum::name).toList();

	private final JdbcClient jdbc;

	ClueChainRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "clue";
	}

	@Override
	public List<String> stages() {
		return STATUSES;
	}

	@Override
	public String stageKey(String stage) {
		return ClueStatus.valueOf(stage).messageKey();
	}

	@Override
	public List<ChainRecord> find(Collection<Long> ids, CurrentUser user) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, title, status, owner_unit_id, estimated_investment, submitted_by_id FROM clue"
				+ " WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query((rs, n) -> {
				Long submitter = rs.getObject(6, Long.class);
				boolean readable = user != null && (user.role() != Role.INTERMEDIARY
						|| (submitter != null && submitter == user.id().value()));
				return record(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
						rs.getBigDecimal(5), readable);
			})
			.list();
	}

	@Override
	public List<ChainRecord> ofMerchant(long merchantId, CurrentUser user, int limit) {
		if (user == null || user.role() == Role.INTERMEDIARY) {
			return List.of();
		}
		return jdbc.sql("SELECT id, title, status, owner_unit_id, estimated_investment FROM clue"
				+ " WHERE merchant_id = :m ORDER BY updated_at DESC, id DESC LIMIT :limit")
			.param("m", merchantId)
			.param("limit", limit)
			.query((rs, n) -> record(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
					rs.getBigDecimal(5), true))
			.list();
	}

	@Override
	public List<StageFigure> byStage(ChainId chain) {
		return jdbc.sql("SELECT status, COUNT(*), SUM(estimated_investment) FROM clue WHERE chain_id = :c"
				+ " GROUP BY status")
			.param("c", chain.value())
			.query((rs, n) -> new StageFigure(rs.getString(1), stageKey(rs.getString(1)), rs.getLong(2),
					rs.getBigDecimal(3)))
			.list();
	}

	private ChainRecord record(long id, String title, String status, Long unit, java.math.BigDecimal amount,
			boolean readable) {
		return new ChainRecord(kind(), id, readable ? title : null, status, stageKey(status), unit, amount, false,
				readable ? "/clues/" + id : null);
	}
}
