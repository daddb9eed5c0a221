package cn.zhaoshang.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every browser test class shares: the application on a random port with its own fresh (demo) database, one
 * headless Chromium per class, and before each test a browser with no cookies, on the sign-in page, with every demo
 * user back in Chinese (a journey may switch one to English).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserJourney {

	/** The demo accounts' password (README). */
	static final String PASSWORD = "Demo@2026";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@BeforeEach
	void freshBrowser() {
		jdbc.sql("UPDATE app_user SET locale = 'zh-CN'").update();
		browser.baseUrl("http://localhost:" + port);
		browser.reset();
	}

	/**
	 * Journeys switch users to English; the context (and its database) is shared with the other test classes, whose
	 * API and page tests expect the default language, so the switch must not outlive the journey.
	 */
	@AfterEach
	void defaultLanguageAgain() {
		jdbc.sql("UPDATE app_user SET locale = 'zh-CN'").update();
	}

	/** The open page at desktop and phone width, checked and saved, and copied to docs/screenshots. */
	void shoot(List<String> problems, String name) throws Exception {
		shoot(problems, 0, name);
	}

	/**
	 * {@link #shoot(List, String)} waiting {@code settleMillis} after each resize (charts redraw at the new width,
	 * with a short animation).
	 */
	void shoot(List<String> problems, long settleMillis, String name) throws Exception {
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			if (settleMillis > 0) {
				Thread.sleep(settleMillis);
			}
			browser.checkPage(problems, name);
			Path shot = Path.of("target/screenshots", name + "-" + screen.name() + ".png");
			if (Files.exists(shot)) {
				Files.createDirectories(Path.of("docs/screenshots"));
				Files.copy(shot, Path.of("docs/screenshots", name + "-" + screen.name() + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		browser.use(Browser.DESKTOP);
	}
}
