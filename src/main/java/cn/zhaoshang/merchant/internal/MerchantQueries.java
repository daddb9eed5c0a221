package cn.zhaoshang.merchant.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The enterprise list: search by any part of the name, an alias or the USCC, filters, sorting and paging in SQL.
 * Merged records are left out (their survivor stands for them).
 */
@Service
public class MerchantQueries {

	private final JdbcClient jdbc;
	private final Chains chains;

	MerchantQueries(JdbcClient jdbc, Chains chains) {
		this.jdbc = jdbc;
		this.chains = chains;
	}

	/** One line of the list. */
	public record Row(long id, String name, String uscc, EnterpriseType type, String headquarters, String unitName,
			boolean listed, boolean global500, boolean china500, List<String> chains, Set<SourceTag> tags,
			Instant updatedAt) {
	}

	public record Page(List<Row> items, long total, int page, int size) {
	}

	public Page list(MerchantFilter f, int page, int size, boolean english) {
		var params = new MapSqlParameterSource();
		String where = where(f, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM merchant m" + where).paramSource(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		params.addValue("limit", size).addValue("offset", (long) (p - 1) * size);
		List<Long> ids = jdbc.sql("SELECT m.id FROM merchant m LEFT JOIN unit u ON u.id = m.unit_id" + where
				+ " ORDER BY " + order(f) + " LIMIT :limit OFFSET :offset")
			.paramSource(params)
			.query(Long.class)
			.list();
		return new Page(rows(ids, english), total, p, size);
	}

	/** Every id of the filtered list in its order (the export). */
	public List<Long> ids(MerchantFilter f) {
		var params = new MapSqlParameterSource();
		return jdbc.sql("SELECT m.id FROM merchant m LEFT JOIN unit u ON u.id = m.unit_id" + where(f, params)
				+ " ORDER BY " + order(f))
			.paramSource(params)
			.query(Long.class)
			.list();
	}

	private static String where(MerchantFilter f, MapSqlParameterSource params) {
		var sb = new StringBuilder(" WHERE m.merged_into_id IS NULL");
		if (f.q() != null && !f.q().isBlank()) {
			String q = f.q().strip();
			params.addValue("q", "%" + like(q) + "%");
			params.addValue("code", "%" + like(cn.zhaoshang.platform.Uscc.normalize(q)) + "%");
			sb.append(" AND (m.name LIKE :q ESCAPE '\\' OR m.uscc LIKE :code ESCAPE '\\'"
					+ " OR m.id IN (SELECT a.merchant_id FROM merchant_alias a WHERE a.name LIKE :q ESCAPE '\\'))");
		}
		if (f.type() != null) {
			params.addValue("type", f.type().name());
			sb.append(" AND m.enterprise_type = :type");
		}
		if (f.chain() != null) {
			params.addValue("chain", f.chain());
			sb.append(" AND m.id IN (SELECT c.merchant_id FROM merchant_chain c WHERE c.chain_id = :chain)");
		}
		if (f.tag() != null) {
			params.addValue("tag", f.tag().name());
			sb.append(" AND m.id IN (SELECT t.merchant_id FROM merchant_tag t WHERE t.tag = :tag)");
		}
		if ("listed".equals(f.flag())) {
			sb.append(" AND m.listed = TRUE");
		}
		else if ("global500".equals(f.flag())) {
			sb.append(" AND m.global500 = TRUE");
		}
		else if ("china500".equals(f.flag())) {
			sb.append(" AND m.china500 = TRUE");
		}
		if (f.unit() != null) {
			params.addValue("unit", f.unit());
			sb.append(" AND m.unit_id = :unit");
		}
		return sb.toString();
	}

	private static String order(MerchantFilter f) {
		String dir = f.descending() ? " DESC" : " ASC";
		String column = switch (f.sortKey()) {
			case "name" -> "m.name";
			case "uscc" -> "m.uscc";
			case "type" -> "m.enterprise_type";
			case "unit" -> "u.sort_order";
			default -> "m.updated_at";
		};
		return column + dir + ", m.id" + dir;
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private List<Row> rows(List<Long> ids, boolean english) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, String> chainNames = new HashMap<>();
		for (Chain c : chains.all()) {
			chainNames.put(c.id().value(), c.name(english));
		}
		Map<Long, List<String>> chainsOf = new HashMap<>();
		jdbc.sql("SELECT merchant_id, chain_id FROM merchant_chain WHERE merchant_id IN (:ids) ORDER BY chain_id")
			.param("ids", ids)
			.query((rs, n) -> chainsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(chainNames.get(rs.getLong(2))))
			.list();
		Map<Long, Set<SourceTag>> tagsOf = new HashMap<>();
		jdbc.sql("SELECT merchant_id, tag FROM merchant_tag WHERE merchant_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> tagsOf.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(SourceTag.class))
				.add(SourceTag.valueOf(rs.getString(2))))
			.list();
		Map<Long, Row> byId = new HashMap<>();
		jdbc.sql("""
				SELECT m.id, m.name, m.uscc, m.enterprise_type, m.headquarters, u.name, m.listed, m.global500,
				       m.china500, m.updated_at
				FROM merchant m LEFT JOIN unit u ON u.id = m.unit_id WHERE m.id IN (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? null : EnterpriseType.valueOf(rs.getString(4)), rs.getString(5),
					rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9),
					chainsOf.getOrDefault(rs.getLong(1), List.of()),
					tagsOf.getOrDefault(rs.getLong(1), EnumSet.noneOf(SourceTag.class)),
					rs.getObject(10, OffsetDateTime.class).toInstant()))
			.list()
			.forEach(r -> byId.put(r.id(), r));
		return ids.stream().map(byId::get).toList();
	}
}
