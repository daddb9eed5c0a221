package cn.zhaoshang.chain.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read model of the catalog. Inside the government a reader sees every catalog project that is not a draft, and the
 * drafts of the units in their scope; the public sees only published projects, and only their public fields (the
 * public pages never show who created a record or any person's data).
 */
@Service
public class CatalogQueries {

	/** Published first, then drafts, matched, withdrawn. */
	static final String STATUS_ORDER = "CASE c.status WHEN 'PUBLISHED' THEN 0 WHEN 'DRAFT' THEN 1 WHEN 'MATCHED' THEN 2"
			+ " ELSE 3 END";

	static final Sorting SORTING = Sorting
		.of("status", "status", STATUS_ORDER, "name", "c.name", "investment", "c.total_investment", "land", "c.land_mu",
				"unit", "u.name", "published", "c.published_at", "updated", "c.updated_at")
		.ascendingFirst("status", "name", "unit");

	private static final String SELECT = """
			SELECT c.id, c.name, c.name_en, c.description, c.description_en, c.chain_id, ch.name AS chain_name,
			    ch.name_en AS chain_name_en, c.link_id, c.unit_id, u.name AS unit_name, c.location, c.land_mu,
			    c.total_investment, c.investment_form, c.expected_returns, c.expected_returns_en, c.conditions,
			    c.conditions_en, c.contact_unit, c.status, c.matched_clue_id, c.matched_project_id, c.published_at,
			    c.withdrawn_reason, c.version, c.updated_at,
			    (SELECT COUNT(*) FROM catalog_inquiry i WHERE i.catalog_project_id = c.id) AS inquiries
			FROM catalog_project c
			JOIN industry_chain ch ON ch.id = c.chain_id
			JOIN unit u ON u.id = c.unit_id""";

	private static final String FROM = " FROM catalog_project c JOIN unit u ON u.id = c.unit_id";

	/** A catalog project as lists, pages and the API show it. */
	public record Row(long id, String name, String nameEn, String description, String descriptionEn, long chainId,
			String chainName, String chainNameEn, Long linkId, long unitId, String unitName, String location,
			BigDecimal landMu, BigDecimal totalInvestment, InvestmentForm investmentForm, String expectedReturns,
			String expectedReturnsEn, String conditions, String conditionsEn, String contactUnit, CatalogStatus status,
			Long matchedClueId, Long matchedProjectId, Instant publishedAt, String withdrawnReason, int version,
			Instant updatedAt, long inquiries) {

		public String name(boolean english) {
			return english ? nameEn : name;
		}

		public String description(boolean english) {
			return english ? descriptionEn : description;
		}

		public String chainName(boolean english) {
			return english ? chainNameEn : chainName;
		}

		/** The English text when reading English and there is one, else the Chinese. */
		public String expectedReturns(boolean english) {
			return english && expectedReturnsEn != null ? expectedReturnsEn : expectedReturns;
		}

		public String conditions(boolean english) {
			return english && conditionsEn != null ? conditionsEn : conditions;
		}

		public CatalogDetails details() {
			return new CatalogDetails(name, nameEn, description, descriptionEn, chainId, linkId, unitId, location, landMu,
					totalInvestment, investmentForm, expectedReturns, expectedReturnsEn, conditions, conditionsEn,
					contactUnit, version);
		}
	}

	/** An inquiry as the catalog project's page lists it (inside the government only). */
	public record Inquiry(long id, String name, String company, String contact, String message, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	CatalogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static Sorting.Sort sort(CatalogFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	/** The internal list (page or API) within the reader's scope. */
	public Paging<Row> list(CatalogFilter f, DataScope scope, int page, int size, boolean clamp) {
		return list(where(f, scope), sort(f), page, size, clamp);
	}

	/** The public list: published projects only, newest published first unless another order is asked. */
	public Paging<Row> published(CatalogFilter f, int page, int size) {
		SqlFilter where = SqlFilter.where()
			.and("c.status = 'PUBLISHED'")
			.containsIgnoringCase("q", f.q(), "c.name", "c.name_en", "c.description", "c.description_en", "c.location")
			.eq("c.chain_id", "chain", f.chain())
			.eq("c.unit_id", "unit", f.unit());
		String key = f.sort() == null || f.sort().isBlank() || "status".equals(f.sort()) ? "published" : f.sort();
		return list(where, SORTING.resolve(key, f.dir()), page, size, true);
	}

	private Paging<Row> list(SqlFilter where, Sorting.Sort sort, int page, int size, boolean clamp) {
		long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp,
				(limit, offset) -> jdbc
					.sql(SELECT + where.sql() + SORTING.orderBy(sort, "c.id") + " LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(CatalogQueries::row)
					.list());
	}

	/** The export: the same filter and order, every row. */
	public void forEach(CatalogFilter f, DataScope scope, Consumer<Row> rows) {
		SqlFilter where = where(f, scope);
		jdbc.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "c.id"))
			.params(where.params())
			.query(CatalogQueries::row)
			.stream()
			.forEach(rows);
	}

	/** One catalog project if the reader may see it. */
	public Optional<Row> find(long id, DataScope scope) {
		SqlFilter where = readable(SqlFilter.where(), scope).eq("c.id", "id", id);
		return jdbc.sql(SELECT + where.sql()).params(where.params()).query(CatalogQueries::row).optional();
	}

	/** One published catalog project, for the public. */
	public Optional<Row> findPublished(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id AND c.status = 'PUBLISHED'")
			.param("id", id)
			.query(CatalogQueries::row)
			.optional();
	}

	public List<Inquiry> inquiries(long id) {
		return jdbc.sql("""
				SELECT id, name, company, contact, message, created_at FROM catalog_inquiry
				WHERE catalog_project_id = :id ORDER BY created_at DESC, id DESC""")
			.param("id", id)
			.query((rs, n) -> new Inquiry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs.getTimestamp(6))))
			.list();
	}

	/** The units that have published projects, for the public page's unit filter: id and name. */
	public List<UnitOption> publishingUnits() {
		return jdbc.sql("""
				SELECT DISTINCT u.id, u.name, u.sort_order FROM catalog_project c JOIN unit u ON u.id = c.unit_id
				WHERE c.status = 'PUBLISHED' ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> new UnitOption(rs.getLong(1), rs.getString(2)))
			.list();
	}

	public record UnitOption(long id, String name) {
	}

	private static SqlFilter where(CatalogFilter f, DataScope scope) {
		return readable(SqlFilter.where(), scope)
			.containsIgnoringCase("q", f.q(), "c.name", "c.name_en", "c.description", "c.location", "c.contact_unit")
			.eq("c.chain_id", "chain", f.chain())
			.eq("c.unit_id", "unit", f.unit())
			.eq("c.status", "status", f.status());
	}

	private static SqlFilter readable(SqlFilter where, DataScope scope) {
		if (scope.readAll()) {
			return where;
		}
		var units = scope.readable().stream().map(UnitId::value).toList();
		if (units.isEmpty()) {
			return where.and("c.status <> 'DRAFT'");
		}
		return where.and("(c.status <> 'DRAFT' OR c.unit_id IN (:scope))").param("scope", units);
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"), rs.getString("description"),
				rs.getString("description_en"), rs.getLong("chain_id"), rs.getString("chain_name"),
				rs.getString("chain_name_en"), (Long) rs.getObject("link_id", Long.class), rs.getLong("unit_id"),
				rs.getString("unit_name"), rs.getString("location"), rs.getBigDecimal("land_mu"),
				rs.getBigDecimal("total_investment"), InvestmentForm.valueOf(rs.getString("investment_form")),
				rs.getString("expected_returns"), rs.getString("expected_returns_en"), rs.getString("conditions"),
				rs.getString("conditions_en"), rs.getString("contact_unit"),
				CatalogStatus.valueOf(rs.getString("status")), rs.getObject("matched_clue_id", Long.class),
				rs.getObject("matched_project_id", Long.class), instant(rs.getTimestamp("published_at")),
				rs.getString("withdrawn_reason"), rs.getInt("version"), instant(rs.getTimestamp("updated_at")),
				rs.getLong("inquiries"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
