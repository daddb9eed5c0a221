package cn.zhaoshang.clue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The follow-ups (visits, calls, meetings) of an enterprise's clues, for its page. A follow-up belongs to its clue,
 * so it pursues nothing by itself and moves with its clue when enterprises are merged ({@link ClueMerchantLinks}).
 */
@Component
class VisitMerchantLinks implements MerchantLinks {

	private static final int TITLE_MAX = 60;

	private final JdbcClient jdbc;

	VisitMerchantLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "visit";
	}

	@Override
	public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
		if (user == null || user.role() == Role.INTERMEDIARY) {
			// intermediaries see their clues' status, never the units' follow-up notes
			return List.of();
		}
		return jdbc.sql("""
				SELECT f.id, f.content, f.kind, c.owner_unit_id, f.follow_up_date, c.id
				FROM clue_follow_up f JOIN clue c ON c.id = f.clue_id
				WHERE c.merchant_id = :m
				ORDER BY f.follow_up_date DESC, f.id DESC LIMIT :limit""")
			.param("m", merchant.value())
			.param("limit", limit)
			.query((rs, n) -> new MerchantLink(kind(), rs.getLong(1), abbreviate(rs.getString(2)),
					FollowUpKind.valueOf(rs.getString(3)).messageKey(), UnitId.of(rs.getObject(4, Long.class)),
					rs.getObject(5, LocalDate.class), "/clues/" + rs.getLong(6) + "#follow-up-" + rs.getLong(1)))
			.list();
	}

	@Override
	public Set<UnitId> unitsPursuing(MerchantId merchant) {
		return Set.of();
	}

	@Override
	public List<Long> move(MerchantId from, MerchantId into) {
		return List.of();
	}

	@Override
	public void moveBack(List<Long> ids, MerchantId from) {
		// nothing moved: follow-ups follow their clue
	}

	private static String abbreviate(String s) {
		return s.length() <= TITLE_MAX ? s : s.substring(0, TITLE_MAX) + "…";
	}
}
