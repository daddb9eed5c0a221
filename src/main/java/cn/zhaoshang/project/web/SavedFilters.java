package cn.zhaoshang.project.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.platform.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's saved ledger filters: a name and the list's canonical query string (see {@link LedgerFilters#query}).
 * Saving under an existing name replaces that filter. Personal preferences, so not audited.
 */
@Component
class SavedFilters {

	static final int MAX_NAME = 60;

	private final JdbcClient jdbc;
	private final Clock clock;

	SavedFilters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<LedgerViews.SavedFilter> of(UserId user) {
		return jdbc.sql("SELECT id, name, query FROM saved_filter WHERE user_id = :u ORDER BY name")
			.param("u", user.value())
			.query((rs, n) -> new LedgerViews.SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Transactional
	void save(UserId user, String name, String query) {
		int updated = jdbc.sql("UPDATE saved_filter SET query = :q WHERE user_id = :u AND name = :n")
			.param("q", query)
			.param("u", user.value())
			.param("n", name)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO saved_filter (user_id, name, query, created_at) VALUES (:u, :n, :q, :at)")
				.param("u", user.value())
				.param("n", name)
				.param("q", query)
				.param("at", clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	/** Deletes one of the user's own filters; another user's id deletes nothing. */
	@Transactional
	void delete(UserId user, long id) {
		jdbc.sql("DELETE FROM saved_filter WHERE id = :id AND user_id = :u").param("id", id).param("u", user.value())
			.update();
	}
}
