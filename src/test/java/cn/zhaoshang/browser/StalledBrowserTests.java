package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.dispatch.internal.RoundStore;
import cn.zhaoshang.dispatch.internal.ScopeStore;
import cn.zhaoshang.dispatch.internal.StalledProjects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatch journey of issue 10 in a real browser: the city bureau opens a round, a county submits a report,
 * the bureau closes the round and downloads the meeting packet; after two earlier silent rounds the stalled list
 * and the interview list show the projects without progress, an interview is recorded, and both pages fit 1280 and
 * 390 px in Chinese. Screenshots {@code target/screenshots/stalled-*}, copied to {@code docs/screenshots/}.
 */
class StalledBrowserTests extends BrowserJourney {

	@Autowired
	RoundStore rounds;

	@Autowired
	ScopeStore scope;

	@Autowired
	StalledProjects stalled;

	/** A closed round over the period with every active negotiating, signed and commenced project in scope. */
	long closedRound(String name, LocalDate from, LocalDate to) {
		long id = rounds.insert(name, from, to, to.plusDays(5), null, "李明", "city", Instant.now());
		jdbc.sql("""
				SELECT id, unit_id FROM project WHERE status = 'ACTIVE'
				  AND stage IN ('NEGOTIATING', 'SIGNED', 'COMMENCED')""")
			.query((rs, n) -> scope.add(id, rs.getLong(1), rs.getLong(2), Instant.now()))
			.list();
		rounds.close(id, "city", Instant.now());
		scope.freeze(rounds.find(id).orElseThrow());
		return id;
	}

	@Test
	void a_round_is_opened_reported_closed_and_its_packet_downloaded_then_stalled_projects_are_interviewed()
			throws IOException {
		closedRound("2026年第2次（3-4月）项目调度", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
		long previous = closedRound("2026年第3次（5-6月）项目调度", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30));
		stalled.refresh();
		List<String> problems = new ArrayList<>();

		// the city bureau opens a round
		browser.signIn("city", PASSWORD);
		browser.open("/dispatch/rounds/new");
		browser.type("#name", "2026年第5次（9-10月）项目调度");
		browser.js("document.getElementById('periodFrom').value = '2026-09-01';"
				+ "document.getElementById('periodTo').value = '2026-10-31';"
				+ "document.getElementById('deadline').value = '2026-11-05';");
		browser.clickAndWait("#open-submit");
		long round = jdbc.sql("SELECT MAX(id) FROM dispatch_round WHERE name = '2026年第5次（9-10月）项目调度'")
			.query(Long.class).single();
		browser.signOut();

		// a county submits a report on one of its projects
		long project = jdbc.sql("""
				SELECT s.project_id FROM dispatch_scope s JOIN unit u ON u.id = s.unit_id
				WHERE s.round_id = :r AND u.code = 'hualong' ORDER BY s.project_id FETCH FIRST 1 ROWS ONLY""")
			.param("r", round).query(Long.class).single();
		browser.signIn("hualong", PASSWORD);
		browser.open("/dispatch/rounds/" + round + "/reports/" + project);
		browser.type("#summary", "9月完成土地摘牌，10月厂房主体开工");
		browser.type("#nextSteps", "11月底前完成设备招标");
		browser.clickAndWait("#submit-report");
		assertThat(jdbc.sql("SELECT report_status FROM dispatch_scope WHERE round_id = :r AND project_id = :p")
			.param("r", round).param("p", project).query(String.class).single()).isEqualTo("SUBMITTED");
		browser.signOut();

		// the bureau closes the round and downloads the packet from the round page
		browser.signIn("city", PASSWORD);
		browser.open("/dispatch/rounds/" + round);
		browser.js("document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
		browser.clickAndWait("#close-round");
		assertThat(jdbc.sql("SELECT status FROM dispatch_round WHERE id = :r").param("r", round)
			.query(String.class).single()).isEqualTo("CLOSED");
		browser.open("/dispatch/rounds/" + round);
		String href = browser.find("#round-packet-docx").getAttribute("href");
		// the packet is written completely before it is sent: allow a loaded machine its time
		browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
		Object download = browser.driver().executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status,
				  r.headers.get('Content-Type'), b.byteLength, String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 2)))])));
				""", href);
		@SuppressWarnings("unchecked")
		List<Object> answer = (List<Object>) download;
		assertThat(((Number) answer.get(0)).intValue()).isEqualTo(200);
		assertThat((String) answer.get(1)).contains("wordprocessingml");
		assertThat(((Number) answer.get(2)).longValue()).isGreaterThan(5_000);
		assertThat(answer.get(3)).isEqualTo("PK");

		// the stalled list of the earlier round, then its interview list with an interview recorded
		browser.open("/dispatch/stalled?round=" + previous);
		assertThat(browser.text("#stalled-rule")).contains("连续2轮无明显进展");
		assertThat(browser.all("#stalled-table tbody tr")).isNotEmpty();
		browser.open("/dispatch/stalled/interviews?round=" + previous);
		var form = browser.all("form.interview-form").get(0);
		String pid = form.getAttribute("id").replace("interview-form-", "");
		browser.js("document.querySelector('#project-" + pid + " details').open = true;");
		browser.type("#interviewer-" + pid, "李明（副市长）");
		browser.type("#interviewees-" + pid, "县政府分管副县长、县商务局局长");
		browser.type("#commitments-" + pid, "12月底前完成土地供应，次年1月开工");
		browser.clickInView("#interview-save-" + pid);
		assertThat(browser.bodyText()).contains("12月底前完成土地供应");

		// what the pages visited before logged to the console is not these pages' (drained here)
		browser.consoleErrors();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "stalled-list-zh", "/dispatch/stalled?round=" + previous, "#stalled-list");
			browser.checkPage(problems, "stalled-interviews-zh", "/dispatch/stalled/interviews?round=" + previous,
					"#project-" + pid);
			browser.checkPage(problems, "stalled-ledger-zh", "/projects?stalled=true", "#f-stalled");
		}
		assertThat(problems).isEmpty();

		Path docs = Path.of("docs", "screenshots");
		Files.createDirectories(docs);
		for (String name : List.of("stalled-list-zh-desktop", "stalled-list-zh-phone", "stalled-interviews-zh-desktop",
				"stalled-interviews-zh-phone")) {
			Files.copy(Path.of("target", "screenshots", name + ".png"), docs.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
