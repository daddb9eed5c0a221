package cn.zhaoshang.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the enterprise-merge tests of several modules set up and read (issue 13). */
public final class MergeRows {

	private MergeRows() {
	}

	/** A new enterprise record of this name. */
	public static long merchant(JdbcClient jdbc, String name) {
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", name).update();
		return jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", name).query(Long.class).single();
	}

	/** The one number a statement with the parameter {@code :id} reads. */
	public static long one(JdbcClient jdbc, String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	/** How many audit entries a record has with this action. */
	public static long audits(JdbcClient jdbc, String type, long id, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = :t AND record_id = :id AND action = :a""")
			.param("t", type)
			.param("id", String.valueOf(id))
			.param("a", action)
			.query(Long.class)
			.single();
	}
}
