package cn.zhaoshang.platform.user;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a database with no administrator (a fresh PostgreSQL deployment) creates {@code admin}, with the password from
 * {@code ZS_ADMIN_PASSWORD}, or a random one printed once to the log.
 */
@Component
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final UserManagement users;
	private final String configuredPassword;

	InitialAdmin(UserManagement users, @Value("${ZS_ADMIN_PASSWORD:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.anyAdmin()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? randomPassword() : configuredPassword;
		users.createInitialAdmin(password);
		if (generated) {
			log.warn("Created the first administrator. User name: admin  Password: {}  (shown once; change it after "
					+ "signing in, or set ZS_ADMIN_PASSWORD before the first start)", password);
		}
		else {
			log.info("Created the first administrator 'admin' with the password from ZS_ADMIN_PASSWORD.");
		}
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		var random = new SecureRandom();
		var sb = new StringBuilder("Zs-");
		for (int i = 0; i < 14; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}
}
