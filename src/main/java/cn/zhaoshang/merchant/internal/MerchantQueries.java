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
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

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

	/** What the list may be sorted by; everything but the update time ascends by default. */
	static final Sorting SORTING = Sorting.of("updated", "name", "m.name", "uscc", "m.uscc", "type",
			"m.enterprise_type", "unit", "u.sort_order", "updated", "m.updated_at")
		.ascendingFirst("name", "uscc", "type", "unit");

	/** The sort the filter asks for (for the column headers). */
	public static Sorting.Sort sort(MerchantFilter f) {
		return SORTING.resolve(f.sort(), f.dir() == null ? null : f.dir().toLowerCase(java.util.Locale.ROOT));
	}

	private static final String IDS = "SELECT m.id FROM merchant m LEFT JOIN unit u ON u.id = m.unit_id";

	public Paging<Row> list(MerchantFilter f, int page, int size, boolean english) {
		SqlFilter where = where(f);
		long total = jdbc.sql("SELECT COUNT(*) FROM merchant m" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, true,
				(limit, offset) -> rows(jdbc.sql(IDS + where.sql() + order(f) + " LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(Long.class)
					.list(), english));
	}

	/** Every id of the filtered list in its order (the export). */
	public List<Long> ids(MerchantFilter f) {
		SqlFilter where = where(f);
		return jdbc.sql(IDS + where.sql() + order(f)).params(where.params()).query(Long.class).list();
	}

	private static SqlFilter where(MerchantFilter f) {
		SqlFilter where = SqlFilter.where().and("m.merged_into_id IS NULL");
		String q = f.q() == null ? null : f.q().strip();
		if (q != null && !q.isEmpty()) {
			// the USCC is searched by its normalised form; the name also among former names and aliases
			where.and("(" + SqlFilter.like("m.name", "q") + " OR " + SqlFilter.like("m.uscc", "code")
					+ " OR m.id IN (SELECT a.merchant_id FROM merchant_alias a WHERE " + SqlFilter.like("a.name", "q")
					+ "))")
				.param("q", SqlFilter.contains(q))
				.param("code", SqlFilter.contains(cn.zhaoshang.platform.Uscc.normalize(q)));
		}
		return where.eq("m.enterprise_type", "type", f.type())
			.and("m.id IN (SELECT c.merchant_id FROM merchant_chain c WHERE c.chain_id = :chain)", "chain", f.chain())
			.and("m.id IN (SELECT t.merchant_id FROM merchant_tag t WHERE t.tag = :tag)", "tag",
					f.tag() == null ? null : f.tag().name())
			.andIf("listed".equals(f.flag()), "m.listed = TRUE")
			.andIf("global500".equals(f.flag()), "m.global500 = TRUE")
			.andIf("china500".equals(f.flag()), "m.china500 = TRUE")
			.eq("m.unit_id", "unit", f.unit());
	}

	private static String order(MerchantFilter f) {
		return SORTING.orderBy(sort(f), "m.id");
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
