package cn.zhaoshang.support;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Look-ups of the demo data (db/demo) for tests that call use cases directly. */
public final class Demo {

	private Demo() {
	}

	/**
	 * Signs the demo user in on this thread (use cases take the user as a parameter, the auditor reads it from the
	 * security context); clear the context after the test.
	 */
	public static CurrentUser signIn(AccountUserDetailsService accounts, String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	/** The id of the unit with this code (hualong, qingfeng, etdz, agent-zj …). */
	public static long unit(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	/** The id of the industry chain with this code (chemical, new-materials …). */
	public static long chain(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT id FROM industry_chain WHERE code = :c").param("c", code).query(Long.class).single();
	}

	/** The id of the account with this user name. */
	public static long user(JdbcClient jdbc, String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}
}
