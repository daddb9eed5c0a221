package cn.zhaoshang.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.zhaoshang.platform.UserId;

/** Accounts made by tests that need a particular e-mail address, language or unit. */
public final class TestUsers {

	private TestUsers() {
	}

	/** A new enabled user (password unusable), in the unit with this code or none. */
	public static UserId create(JdbcClient jdbc, String role, String unitCode, String email, String locale) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, unit_id, email, locale) "
				+ "VALUES (?, '{noop}-', ?, ?, (SELECT id FROM unit WHERE code = ?), ?, ?)")
			.params(Pages.unique("u"), Pages.unique("name"), role, unitCode, email, locale)
			.update(keys, "id");
		return new UserId(keys.getKey().longValue());
	}
}
