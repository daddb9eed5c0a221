package cn.zhaoshang.merchant.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.ChainEnterprises;
import cn.zhaoshang.platform.Uscc;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The merchant database as the chain module sees it (local and target enterprises of a chain's links): names,
 * codes and ownership types by id, and a search for the pickers. Merged records are not offered.
 */
@Component
class MerchantChainEnterprises implements ChainEnterprises {

	private final JdbcClient jdbc;

	MerchantChainEnterprises(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, ChainEnterprise> find(Collection<Long> ids) {
		Map<Long, ChainEnterprise> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT id, name, uscc, enterprise_type FROM merchant WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(e -> found.put(e.id(), e));
		return found;
	}

	@Override
	public List<ChainEnterprise> search(String text, int limit) {
		return jdbc.sql("SELECT id, name, uscc, enterprise_type FROM merchant WHERE merged_into_id IS NULL AND ("
				+ SqlFilter.like("name", "q") + " OR " + SqlFilter.like("uscc", "code")
				+ " OR id IN (SELECT a.merchant_id FROM merchant_alias a WHERE " + SqlFilter.like("a.name", "q")
				+ ")) ORDER BY CASE WHEN name = :exact THEN 0 ELSE 1 END, LENGTH(name), name LIMIT :limit")
			.param("q", SqlFilter.contains(text))
			.param("code", SqlFilter.contains(Uscc.normalize(text)))
			.param("exact", text)
			.param("limit", limit)
			.query((rs, n) -> row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private static ChainEnterprise row(long id, String name, String uscc, String type) {
		return new ChainEnterprise(id, name, uscc, type, "/merchants/" + id);
	}
}
