package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectLedger;
import cn.zhaoshang.project.internal.StageMoveRequest;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10 on the pages, at 1280 and 390 px in both languages: the edit form's type check boxes (NEW with
 * EXPANSION refused next to them) and negotiation date, the project page with every type joined by 、, the
 * negotiation date and the registration action, whose recording shows in the stage history. Screenshots
 * {@code target/screenshots/types-*}; the Chinese ones are copied to docs/screenshots.
 */
class ProjectTypesBrowserTests extends BrowserJourney {

	@Autowired
	ProjectLedger ledger;

	@Autowired
	Chains chains;

	@Autowired
	AccountUserDetailsService accounts;

	@Test
	void types_are_ticked_on_the_form_shown_joined_on_the_page_and_the_registration_is_recorded_at_1280_and_390_px()
			throws IOException {
		long id = signedProject();
		browser.signIn("hualong", PASSWORD);
		List<String> problems = new ArrayList<>();

		browser.open("/projects/" + id + "/edit");
		browser.js("document.querySelector('#types-EXPANSION').click();");
		browser.clickInView("#save");
		assertThat(browser.text("#types-feedback")).contains("“新建”和“增资扩产”不能同时选择");
		browser.checkPage(problems, "types-form-error-zh");

		browser.open("/projects/" + id + "/edit");
		browser.js("document.querySelector('#types-RETURN').click();");
		browser.js("document.querySelector('#types-FOREIGN').click();");
		browser.js("document.querySelector('#types-EXPORT_ORIENTED').click();");
		browser.js("document.querySelector('#types-NEW').click();");
		browser.js("document.querySelector('#negotiationDate').value = '2025-11-03';");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.js("document.querySelector('.type-flags').scrollIntoView({block: 'start', behavior: 'instant'});");
			browser.checkPage(problems, "types-form-zh");
		}
		browser.use(Browser.DESKTOP);
		browser.clickInView("#save");
		assertThat(browser.text("#project-types")).isEqualTo("返乡创业、外资、外向型");
		assertThat(browser.text("#negotiation-date")).isEqualTo("2025-11-03");

		browser.js("document.querySelector('#registeredDate').value = '" + LocalDate.now().minusDays(2) + "';");
		browser.clickInView("#record-registration");
		assertThat(browser.text("#registered-date")).isEqualTo(LocalDate.now().minusDays(2).toString());
		assertThat(browser.text("#timeline")).contains("里程碑：注册");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.open("/projects/" + id);
			browser.js("document.querySelector('#stage-facts').scrollIntoView({block: 'start', behavior: 'instant'});");
			browser.checkPage(problems, "types-detail-zh");
			browser.open("/projects?q=" + java.net.URLEncoder.encode("高端聚酰胺", StandardCharsets.UTF_8)
					+ "&type=EXPORT_ORIENTED");
			assertThat(browser.text("#project-table")).contains("返乡创业、外资、外向型");
			browser.checkPage(problems, "types-list-zh");
		}

		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'hualong'").update();
		browser.signOut();
		browser.signIn("hualong", PASSWORD);
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.open("/projects/" + id);
			assertThat(browser.text("#project-types")).isEqualTo("Return investment, Foreign-funded, Export-oriented");
			browser.checkPage(problems, "types-detail-en");
			browser.open("/projects/" + id + "/edit");
			browser.checkPage(problems, "types-form-en");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();

		copy("types-form-zh-desktop", "project-types-form-desktop-zh");
		copy("types-form-zh-phone", "project-types-form-phone-zh");
		copy("types-detail-zh-desktop", "project-registration-desktop-zh");
		copy("types-detail-zh-phone", "project-registration-phone-zh");
	}

	private static void copy(String shot, String doc) throws IOException {
		Path from = Path.of("target", "screenshots", shot + ".png");
		Path to = Path.of("docs", "screenshots", doc + ".png");
		if (Files.exists(from) && Files.isDirectory(to.getParent())) {
			Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private long signedProject() throws IOException {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user,
						null, user.getAuthorities()));
		try {
			long chain = chains.findByName("新材料").orElseThrow().id().value();
			var p = ledger.create(new ProjectDetails("华龙区高端聚酰胺新材料产业园（二期）" + System.nanoTime() % 1000,
					"河南丝路国际科技股份有限公司", null, user.unitId().value(), null, null, chain, null, ProjectType.NEW,
					PromotionMode.PEER_TO_PEER, new BigDecimal("52000"), null, null, null, null, null, null, false, null,
					null, null, null, null), user);
			long id = p.id().value();
			byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
			long contract = ledger.attach(id, "投资合同（正式）.pdf", pdf, "OTHER", EvidenceKind.CONTRACT, user).id();
			ledger.move(id, new StageMoveRequest(Stage.SIGNED, null, LocalDate.now().minusDays(10),
					ContractType.FORMAL_CONTRACT, new BigDecimal("50000"), null, null, List.of(contract), null), user);
			return id;
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}
}
