package cn.zhaoshang.project.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLink;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's projects as links of their investor (kind {@code project}): listed on the enterprise's page, counted
 * for claim conflicts while active or on hold, and moved with their investor name when an administrator merges two
 * enterprise records (and moved back when the merge is undone).
 */
@Component
class ProjectMerchantLinks implements MerchantLinks {

	private final JdbcClient jdbc;
	private final DataScopes scopes;

	ProjectMerchantLinks(JdbcClient jdbc, DataScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Override
	public String kind() {
		return "project";
	}

	@Override
	public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
		var scope = scopes.of(user);
		return jdbc.sql("""
				SELECT id, code, name, stage, status, unit_id,
				       COALESCE(production_date, commenced_date, signed_date, CAST(created_at AS DATE))
				FROM project WHERE merchant_id = :merchant ORDER BY updated_at DESC, id DESC""")
			.param("merchant", merchant.value())
			.query((rs, n) -> new MerchantLink(kind(), rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
					"ACTIVE".equals(rs.getString(5)) ? "stage." + rs.getString(4) : "status." + rs.getString(5),
					new UnitId(rs.getLong(6)), rs.getObject(7, LocalDate.class), "/projects/" + rs.getLong(1)))
			.list()
			.stream()
			.filter(l -> scope.canRead(l.unit()))
			.limit(limit)
			.toList();
	}

	@Override
	public Set<UnitId> unitsPursuing(MerchantId merchant) {
		return new LinkedHashSet<>(jdbc.sql("""
				SELECT DISTINCT unit_id FROM project
				WHERE merchant_id = :merchant AND status IN ('ACTIVE', 'ON_HOLD') ORDER BY unit_id""")
			.param("merchant", merchant.value())
			.query((rs, n) -> new UnitId(rs.getLong(1)))
			.list());
	}

	/** The investor name follows the merchant, so the ledger's list and search show the surviving name. */
	@Override
	public List<Long> move(MerchantId from, MerchantId into) {
		List<Long> ids = jdbc.sql("SELECT id FROM project WHERE merchant_id = :from ORDER BY id")
			.param("from", from.value())
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			repoint(ids, into);
		}
		return ids;
	}

	@Override
	public void moveBack(List<Long> ids, MerchantId from) {
		if (!ids.isEmpty()) {
			repoint(ids, from);
		}
	}

	/** Bumps the version too, so that a project form opened before the merge cannot write the old investor back. */
	private void repoint(List<Long> ids, MerchantId merchant) {
		jdbc.sql("""
				UPDATE project SET merchant_id = :merchant,
				    investor_name = (SELECT m.name FROM merchant m WHERE m.id = :merchant), version = version + 1
				WHERE id IN (:ids)""")
			.param("merchant", merchant.value())
			.param("ids", ids)
			.update();
	}
}
