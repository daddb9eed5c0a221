package cn.zhaoshang.clue.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clues of an enterprise, for its page in the merchant database; the owner units of its open clues count as
 * pursuing it (claim conflicts); a merge of two enterprises re-points their clues.
 */
@Component
class ClueMerchantLinks implements MerchantLinks {

	private final JdbcClient jdbc;

	ClueMerchantLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "clue";
	}

	@Override
	public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
		if (user == null) {
			return List.of();
		}
		boolean intermediary = user.role() == Role.INTERMEDIARY;
		return jdbc.sql("""
				SELECT id, title, status, owner_unit_id, last_follow_up_at FROM clue
				WHERE merchant_id = :m""" + (intermediary ? " AND submitted_by_id = :me" : "") + """

				ORDER BY updated_at DESC, id DESC LIMIT :limit""")
			.param("m", merchant.value())
			.param("me", user.id().value())
			.param("limit", limit)
			.query((rs, n) -> new MerchantLink(kind(), rs.getLong(1), rs.getString(2),
					ClueStatus.valueOf(rs.getString(3)).messageKey(), UnitId.of(rs.getObject(4, Long.class)),
					rs.getObject(5, LocalDate.class), "/clues/" + rs.getLong(1)))
			.list();
	}

	@Override
	public Set<UnitId> unitsPursuing(MerchantId merchant) {
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT owner_unit_id FROM clue
				WHERE merchant_id = :m AND owner_unit_id IS NOT NULL AND status IN ('NEW', 'FOLLOWING', 'CONFIRMED')""")
			.param("m", merchant.value())
			.query((rs, n) -> new UnitId(rs.getLong(1)))
			.list());
	}

	@Override
	public List<Long> move(MerchantId from, MerchantId into) {
		List<Long> ids = jdbc.sql("SELECT id FROM clue WHERE merchant_id = :f ORDER BY id")
			.param("f", from.value())
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE clue SET merchant_id = :i, version = version + 1 WHERE id IN (:ids)")
				.param("i", into.value())
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	@Override
	public void moveBack(List<Long> ids, MerchantId from) {
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE clue SET merchant_id = :f, version = version + 1 WHERE id IN (:ids)")
				.param("f", from.value())
				.param("ids", ids)
				.update();
		}
	}
}
