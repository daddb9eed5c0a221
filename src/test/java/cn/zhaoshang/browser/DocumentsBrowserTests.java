package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The project page's attachment section with its evidence-kind choice, and the stage-move form whose gate hint
 * names the configured kinds, in Chinese at 1280 and 390 px: an upload tagged from the page shows its kind, and
 * neither page is wider than the screen. Screenshots {@code target/screenshots/documents-*}.
 */
class DocumentsBrowserTests extends BrowserJourney {

	private static Path permit;

	@Autowired
	ProjectLedger ledger;

	@Autowired
	Chains chains;

	@Autowired
	AccountUserDetailsService accounts;

	@BeforeAll
	static void writePermit() throws IOException {
		permit = Path.of("target", "browser", "施工许可证（濮阳经开区2026-031号）.pdf").toAbsolutePath();
		Files.createDirectories(permit.getParent());
		Files.writeString(permit, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.US_ASCII);
	}

	@Test
	void an_upload_is_tagged_on_the_project_page_and_the_move_form_names_the_kinds_at_1280_and_390_px() {
		long id = signedProject();
		browser.signIn("hualong", PASSWORD);
		List<String> problems = new ArrayList<>();

		browser.open("/projects/" + id);
		browser.js("document.querySelector('#files').open = true;");
		browser.selectValue("#kind", "EVIDENCE");
		browser.selectValue("#evidenceKind", "CONSTRUCTION_PERMIT");
		browser.driver().findElement(By.id("file")).sendKeys(permit.toString());
		browser.clickInView("#upload");
		assertThat(browser.text("#flash")).isNotBlank();
		browser.js("document.querySelector('#files').open = true;");
		assertThat(browser.text("#file-table")).contains("施工许可证（濮阳经开区2026-031号）.pdf").contains("施工许可证");
		assertThat(browser.text("#evidenceKind")).contains("现场照片").contains("不标注");

		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.open("/projects/" + id + "#files");
			browser.js("document.querySelector('#files').open = true;"
					+ "document.querySelector('#files').scrollIntoView({block: 'start', behavior: 'instant'});");
			browser.checkPage(problems, "documents-files-zh");

			browser.open("/projects/" + id + "/move");
			assertThat(browser.text("#gate-hint")).contains("施工许可证、现场照片");
			browser.checkPage(problems, "documents-move-zh");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	private long signedProject() {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user,
						null, user.getAuthorities()));
		try {
			long chain = chains.findByName("新材料").orElseThrow().id().value();
			var p = ledger.create(new ProjectDetails("华龙区高端聚酰胺新材料产业园（一期）" + System.nanoTime() % 1000,
					"河南丝路国际科技股份有限公司", null, user.unitId().value(), null, null, chain, null, ProjectType.NEW,
					PromotionMode.PEER_TO_PEER, new BigDecimal("52000"), null, null, null, null, null, null, false, null,
					null, null, null, null), user);
			long id = p.id().value();
			long contract = ledger.attach(id, "投资合同（正式）.pdf", Files.readAllBytes(permit), "OTHER",
					EvidenceKind.CONTRACT, user).id();
			ledger.move(id, new StageMoveRequest(Stage.SIGNED, null, LocalDate.now().minusDays(10),
					ContractType.FORMAL_CONTRACT, new BigDecimal("50000"), null, null, List.of(contract), null), user);
			return id;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}
}
