package cn.zhaoshang.merchant.talent;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Talents linked to an enterprise, for the enterprise's page and for merges. A talent is not a pursuit, so it never
 * makes a claim conflict. Every internal role reads the directory, so every talent link is listed.
 */
@Component
class TalentMerchantLinks implements MerchantLinks {

	private final JdbcClient jdbc;

	TalentMerchantLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "talent";
	}

	@Override
	public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
		return jdbc.sql("""
				SELECT t.id, t.name, t.institution, t.active, t.unit_id, t.updated_at
				FROM talent_merchant tm JOIN talent t ON t.id = tm.talent_id
				WHERE tm.merchant_id = :merchant ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit""")
			.param("merchant", merchant.value())
			.param("limit", limit)
			.query((rs, n) -> new MerchantLink(kind(), rs.getLong(1), rs.getString(2) + " · " + rs.getString(3),
					rs.getBoolean(4) ? "status.active" : "status.inactive", new UnitId(rs.getLong(5)),
					rs.getObject(6, java.time.OffsetDateTime.class).atZoneSameInstant(ZoneId.systemDefault())
						.toLocalDate(),
					"/talents/" + rs.getLong(1)))
			.list();
	}

	@Override
	public Set<UnitId> unitsPursuing(MerchantId merchant) {
		return Set.of();
	}

	/**
	 * Moves the links of talents not already linked to {@code into} (a talent linked to both keeps both, as the
	 * merged-away record stays); returns the ids of the links moved, so that {@link #moveBack} restores exactly them.
	 */
	@Override
	public List<Long> move(MerchantId from, MerchantId into) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM talent_merchant WHERE merchant_id = :from
				AND talent_id NOT IN (SELECT talent_id FROM talent_merchant WHERE merchant_id = :into)
				ORDER BY id""")
			.param("from", from.value())
			.param("into", into.value())
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE talent_merchant SET merchant_id = :into WHERE id IN (:ids)")
				.param("into", into.value())
				.param("ids", ids)
				.update();
		}
		return ids;
	}

	@Override
	public void moveBack(List<Long> ids, MerchantId from) {
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE talent_merchant SET merchant_id = :from WHERE id IN (:ids)")
				.param("from", from.value())
				.param("ids", ids)
				.update();
		}
	}
}
