package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.service.appeal.AppealEscalation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public surfaces of issues 12 and 14 in a real browser: a visitor without an account reads the catalog in
 * English and sends an inquiry, which the city bureau finds in the clue pool; an enterprise files an appeal on the
 * public form and gets a tracking number, the appeal escalates when late (the job driven on a past due date), is
 * answered, rated not satisfied and reopened, and the tracking page shows the answer. The public pages fit 1280 and
 * 390 px in Chinese and English (screenshots {@code public-*}, copied to {@code docs/screenshots/}).
 */
class PublicSurfacesBrowserTests extends BrowserJourney {

	@Autowired
	AppealEscalation escalation;

	@Test
	void a_visitor_inquires_in_english_and_an_enterprise_appeal_goes_the_whole_way() throws IOException {
		List<String> problems = new ArrayList<>();
		long catalogId = jdbc.sql("SELECT MIN(id) FROM catalog_project WHERE status = 'PUBLISHED'")
			.query(Long.class)
			.single();

		// screenshots in Chinese, then the visitor switches to English
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "public-catalog-zh", "/catalog", "#catalog-cards");
			browser.checkPage(problems, "public-catalog-detail-zh", "/catalog/" + catalogId, "#inquiry-form");
			browser.checkPage(problems, "public-appeal-zh", "/appeal", "#appeal-form");
		}
		browser.use(Browser.DESKTOP);
		browser.open("/catalog");
		browser.clickAndWait("#lang-en");
		assertThat(browser.bodyText()).contains("Puyang investment project catalog", "Biodegradable materials");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "public-catalog-en", "/catalog", "#catalog-cards");
			browser.checkPage(problems, "public-catalog-detail-en", "/catalog/" + catalogId, "#inquiry-form");
			browser.checkPage(problems, "public-appeal-en", "/appeal", "#appeal-form");
		}
		browser.use(Browser.DESKTOP);

		// the visitor reads a project in English and sends an inquiry
		browser.open("/catalog/" + catalogId);
		browser.type("#name", "Jane Doe");
		browser.type("#company", "Green Polymers GmbH");
		browser.type("#contact", "jane@example.com");
		browser.type("#message", "We would like to visit the site in January.");
		browser.clickAndWait("#inquiry-submit");
		assertThat(browser.bodyText()).contains("Your inquiry has been sent");

		// the enterprise files an appeal and gets a tracking number (still in English)
		browser.open("/appeal");
		browser.type("#enterpriseName", "Puyang Demo Materials Co.");
		browser.type("#contactName", "Mr Zhang");
		browser.type("#contact", "13900001111");
		browser.selectValue("#category", "UTILITIES");
		browser.type("#content", "The power line to the new plant is still not connected.");
		Path letter = Files.createTempFile("letter", ".pdf");
		Files.write(letter, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		letter.toFile().deleteOnExit();
		browser.find("#files").sendKeys(letter.toString());
		browser.clickInView("#appeal-submit");
		String trackingNo = browser.text("#tracking-no").trim();
		assertThat(browser.text("#filed-files")).contains("1 attachment");
		assertThat(trackingNo).matches("SQ-\\d{8}-[0-9A-Z]{8}");
		browser.checkPage(problems, "public-appeal-filed-en");

		// the city bureau finds the inquiry in the clue pool
		browser.signIn("city", PASSWORD);
		browser.open("/clues?source=ONLINE&q=Green+Polymers");
		assertThat(browser.bodyText()).contains("Green Polymers GmbH");

		// the appeal is late: escalated by the job; the bureau assigns, answers, records "not satisfied", reopens
		long appeal = jdbc.sql("SELECT id FROM appeal WHERE tracking_no = :t").param("t", trackingNo)
			.query(Long.class).single();
		jdbc.sql("UPDATE appeal SET ack_due_at = :t, due_at = :t WHERE id = :id")
			.param("t", Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS)))
			.param("id", appeal)
			.update();
		escalation.escalate();
		browser.open("/appeals/" + appeal);
		browser.find("#escalated-badge");
		browser.js("document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
		browser.selectText("#assign-unit", "华龙区");
		browser.clickAndWait("#assign-submit");
		browser.js("document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
		browser.type("#answer-input", "Power line connected on Friday.");
		browser.clickAndWait("#answer-submit");
		browser.clickAndWait("#rate-NOT_SATISFIED");
		browser.js("document.querySelectorAll('form[data-confirm]').forEach(f => f.removeAttribute('data-confirm'));");
		browser.clickAndWait("#reopen");
		assertThat(browser.find("#appeal-state [data-status]").getAttribute("data-status")).isEqualTo("REOPENED");
		browser.checkPage(problems, "appeal-detail-en");
		browser.signOut();

		// the enterprise tracks it
		browser.open("/appeal/track?no=" + trackingNo);
		assertThat(browser.text("#track-status")).isNotBlank();
		browser.checkPage(problems, "public-track-en");

		assertThat(problems).isEmpty();
		Path docs = Path.of("docs", "screenshots");
		Files.createDirectories(docs);
		for (String page : List.of("public-catalog-zh", "public-catalog-detail-zh", "public-appeal-zh",
				"public-catalog-en", "public-catalog-detail-en", "public-appeal-en")) {
			for (String screen : List.of("desktop", "phone")) {
				Files.copy(Path.of("target", "screenshots", page + "-" + screen + ".png"),
						docs.resolve(page + "-" + screen + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
