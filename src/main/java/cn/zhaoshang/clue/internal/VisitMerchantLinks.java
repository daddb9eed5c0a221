package cn.zhaoshang.clue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
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

	/** The roles that record follow-ups (Security.Rules.LEDGER_EDITOR). */

	private final JdbcClient jdbc;
	private final DataScopes scopes;

	VisitMerchantLinks(JdbcClient jdbc, DataScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
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

	/**
	 * A visit is a follow-up of one of the enterprise's clues: it is recorded on the follow-up form of the newest
	 * open clue the user may follow up (an editor of its unit, its assignee, the city bureau).
	 */
	@Override
	public Optional<String> recordPath(MerchantId merchant, CurrentUser user) {
		if (user == null || !user.role().isEditor()) {
			return Optional.empty();
		}
		var scope = scopes.of(user);
		return jdbc.sql("""
				SELECT id, owner_unit_id, assignee_id FROM clue
				WHERE merchant_id = :m AND status IN ('NEW', 'FOLLOWING', 'CONFIRMED')
				ORDER BY updated_at DESC, id DESC""")
			.param("m", merchant.value())
			.query((rs, n) -> {
				Long owner = rs.getObject(2, Long.class);
				Long assignee = rs.getObject(3, Long.class);
				boolean may = user.role().isCityWide()
						|| (assignee != null && assignee == user.id().value())
						|| (owner != null && scope.canEdit(new UnitId(owner)));
				return may ? "/clues/" + rs.getLong(1) + "/follow-up" : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
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
