package cn.zhaoshang.allocation.internal;

import java.util.List;

import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The transfer list: filters, sorting and paging over {@code allocation_transfer}. */
@Service
public class TransferQueries {

	public static final Sorting SORTING = Sorting.of("proposed", "proposed", "t.proposed_at", "subject",
			"t.subject_name", "from", "fu.sort_order", "to", "tu.sort_order", "share", "t.introducer_share_bp",
			"status", "t.status")
		.ascendingFirst("subject", "from", "to", "status");

	private final JdbcClient jdbc;

	TransferQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static Sorting.Sort sort(TransferFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	private static SqlFilter where(TransferFilter f) {
		SqlFilter where = SqlFilter.where()
			.containsIgnoringCase("q", f.q(), "t.subject_code", "t.subject_name", "t.reason")
			.eq("t.status", "status", f.status() == null ? null : f.status().name());
		if (f.unit() != null) {
			where.and("(t.from_unit_id = :unit OR t.to_unit_id = :unit)", "unit", f.unit());
		}
		if ("PROJECT".equals(f.kind())) {
			where.and("t.project_id IS NOT NULL");
		}
		else if ("CLUE".equals(f.kind())) {
			where.and("t.clue_id IS NOT NULL");
		}
		return where;
	}

	public Paging<Transfer> list(TransferFilter f, int page, int size, boolean clamp) {
		SqlFilter where = where(f);
		long total = jdbc.sql("SELECT COUNT(*) FROM allocation_transfer t JOIN unit fu ON fu.id = t.from_unit_id"
				+ " JOIN unit tu ON tu.id = t.to_unit_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp,
				(limit, offset) -> jdbc.sql(TransferStore.SELECT + where.sql() + SORTING.orderBy(sort(f), "t.id")
						+ " LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(TransferStore::row)
					.list());
	}

	/** Every transfer the filter finds (the export), at most {@code max}. */
	public List<Transfer> all(TransferFilter f, int max) {
		SqlFilter where = where(f);
		return jdbc.sql(TransferStore.SELECT + where.sql() + SORTING.orderBy(sort(f), "t.id") + " LIMIT :limit")
			.params(where.params())
			.param("limit", max)
			.query(TransferStore::row)
			.list();
	}
}
