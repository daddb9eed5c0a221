package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.StageMoveRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The pages a county official uses most — the ledger list, a project page with its history and attachments, and the
 * city bureau's review queue — at 1280 px and on a 390 px phone, in Chinese and in English. They fail on anything
 * cut off sideways: the page wider than the screen, and also a table or box inside it whose content is wider than
 * the box (a table that must be scrolled sideways hides its last columns, and a clipped box hides its buttons).
 * Screenshots land in {@code target/screenshots/layout-*}.
 */
class LayoutBrowserTests extends BrowserJourney {

	private static Long projectId;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	CreateProject createProject;

	@Autowired
	EditProject editProject;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	Chains chains;

	@Autowired
	AccountUserDetailsService accounts;

	@BeforeEach
	void seed() {
		seedOnce();
	}

	@Test
	void ledger_list_project_page_and_review_queue_fit_1280_and_390_px_in_both_languages() {
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			browser.reset();
			browser.signIn("city", PASSWORD);
			if (lang.equals("en")) {
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.open("/projects");
				browser.find("#project-table");
				check(problems, "ledger-list", lang);

				browser.open("/projects/" + projectId);
				browser.find("#timeline");
				browser.find("#card-links");
				// the folded sections open, so that their tables are measured (and seen in the screenshot)
				browser.js("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
				assertThat(browser.all("#history tbody tr")).as("history rows").hasSizeGreaterThanOrEqualTo(3);
				assertThat(browser.all("#file-table tbody tr")).as("attachment rows").hasSizeGreaterThanOrEqualTo(3);
				check(problems, "project", lang);

				browser.open("/projects/review");
				browser.find("#review-evidence");
				check(problems, "review", lang);
			}
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	@Test
	void project_history_and_attachments_are_folded_sections_that_open_without_scripts() {
		browser.signIn("city", PASSWORD);
		browser.use(Browser.PHONE);
		browser.open("/projects/" + projectId);

		for (String section : List.of("#history", "#files")) {
			WebElement details = browser.driver().findElement(By.cssSelector(section));
			assertThat(details.getTagName()).as(section).isEqualTo("details");
			assertThat(details.getDomAttribute("open")).as(section + " folded at first").isNull();
		}
		assertThat(browser.text("#history > summary")).startsWith("变更记录");
		assertThat(browser.text("#files > summary")).startsWith("附件");
		assertThat(browser.driver().findElement(By.id("file-table")).isDisplayed()).isFalse();
		long folded = pageHeight();
		browser.screenshot("layout-project-folded-zh-phone");

		// <details> opens by itself: no script involved; the count in the title is the number of rows inside
		unfold("#files");
		assertThat(browser.find("#file-table").getText()).contains("国有建设用地使用权出让合同");
		assertThat(browser.text("#files > summary .fold-count"))
			.isEqualTo(String.valueOf(browser.all("#file-table tbody tr").size())).isEqualTo("4");
		unfold("#history");
		assertThat(browser.find("#history table").isDisplayed()).isTrue();
		assertThat(browser.text("#history > summary .fold-count"))
			.isEqualTo(String.valueOf(browser.all("#history tbody tr").size()));
		assertThat(pageHeight()).as("the folded page is shorter").isGreaterThan(folded);
		browser.use(Browser.DESKTOP);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void english_top_bar_stays_on_one_line_with_the_whole_user_label_at_1280_px() {
		browser.signIn("city", PASSWORD);
		browser.clickAndWait("#lang-en");
		for (String path : List.of("/", "/projects")) {
			browser.open(path);
			WebElement nav = browser.find("nav.navbar");
			WebElement brand = browser.find(".navbar-brand");
			WebElement logout = browser.find("#logout");
			assertThat(logout.getRect().getY()).as("sign-out button on the brand's line (%s)", path)
				.isLessThan(brand.getRect().getY() + brand.getRect().getHeight());
			assertThat(nav.getRect().getHeight()).as("one-line top bar (%s)", path).isLessThan(70);
			WebElement user = browser.find("#current-user");
			assertThat(user.getText()).contains("周敏").doesNotContain("…");
			Number hidden = (Number) browser.js("return arguments[0].scrollWidth - arguments[0].clientWidth;", user);
			assertThat(hidden.longValue()).as("user label cut (%s)", path).isLessThanOrEqualTo(0);
		}
		browser.screenshot("layout-topbar-en-desktop");
	}

	@Test
	void chain_names_are_in_the_reader_language_in_the_ledger_filter_table_and_project_page() {
		browser.signIn("city", PASSWORD);
		browser.clickAndWait("#lang-en");
		browser.open("/projects?q=" + java.net.URLEncoder.encode("丝路国际", StandardCharsets.UTF_8));
		String filter = browser.find("select[name=chain]").getText();
		assertThat(filter).contains("New materials").doesNotContain("新材料");
		// the chain column only (project names are data and may hold any word)
		String table = (String) browser.js("return Array.from(document.querySelectorAll('#project-table tbody tr'))"
				+ ".map(tr => tr.children[3] ? tr.children[3].textContent : '').join('|');");
		assertThat(table).contains("New materials").doesNotContain("新材料");
		browser.open("/projects/" + projectId);
		assertThat(browser.text("#basic")).contains("New materials").doesNotContain("新材料");

		browser.clickAndWait("#lang-zh");
		assertThat(browser.text("#basic")).contains("新材料");
	}

	@Test
	void english_pages_use_an_ascii_colon_after_labels() {
		browser.signIn("city", PASSWORD);
		browser.clickAndWait("#lang-en");
		browser.open("/projects/" + projectId);
		assertThat(browser.text("#timeline")).contains("Date: ").doesNotContain("：");
		browser.open("/projects/review");
		assertThat(browser.text("#review-moves")).contains("Date: ").doesNotContain("：");
	}

	private void check(List<String> problems, String page, String lang) {
		String where = page + "-" + lang + "-" + browser.screen().name();
		browser.screenshot("layout-" + where);
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(where + ": " + overflow + " px wider than the screen " + browser.elementsStickingOut());
		}
		List<String> clipped = browser.clippedBoxes();
		if (!clipped.isEmpty()) {
			problems.add(where + ": content wider than its box " + clipped);
		}
		List<String> errors = browser.consoleErrors();
		if (!errors.isEmpty()) {
			problems.add(where + ": console " + errors);
		}
	}

	/** Clicks a folded section's title, as a user would (it is brought into view first: the page is long). */
	private void unfold(String section) {
		WebElement summary = browser.find(section + " > summary");
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", summary);
		summary.click();
		browser.await().until(d -> d.findElement(By.cssSelector(section)).getDomAttribute("open") != null);
	}

	private long pageHeight() {
		return ((Number) browser.js("return document.documentElement.scrollHeight;")).longValue();
	}

	// ---- a project in use: edited a few times, three attachments with long names, a move in review ----

	private void seedOnce() {
		if (projectId != null) {
			return;
		}
		CurrentUser city = accounts.loadUserByUsername("city");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(city, null, city.getAuthorities()));
		try {
			long hualong = unit("hualong");
			long chain = chains.findByName("新材料").orElseThrow().id().value();
			ProjectDetails first = details("丝路国际年产30万吨高性能工程塑料及改性材料一体化项目", hualong, chain,
					"286000", "二期用电增容（110 千伏专线）需市电力公司协调；危化品运输路线待审批。", null);
			Project p = createProject.execute(first, city);
			long id = p.id().value();
			p = editProject.execute(id, details(first.name(), hualong, chain, "312000.50",
					"二期用电增容需市电力公司协调；危化品运输路线已获批，等待环评批复后开工建设。", p.version()), city);
			editProject.execute(id, details(first.name(), unit("etdz"), chain, "312000.50",
					"等待环评批复；园区污水处理厂接管协议正在商谈，预计下月签订。", p.version()), city);
			for (String file : List.of("国有建设用地使用权出让合同（濮阳经济技术开发区2026-017号地块）.pdf",
					"年产30万吨高性能工程塑料项目投资协议书（正式合同·盖章扫描件）.pdf",
					"项目现场施工照片_主体厂房封顶_2026年11月.pdf")) {
				attachToProject.execute(id, file, pdf(), "OTHER", null, city);
			}
			long contract = attachToProject.execute(id, "投资合同.pdf", pdf(), "OTHER", EvidenceKind.CONTRACT, city).id();
			moveProjectStage.execute(id, new StageMoveRequest(Stage.SIGNED, null, LocalDate.now().minusDays(30),
					ContractType.FORMAL_CONTRACT, new BigDecimal("300000"), null, null, List.of(contract), null), city);
			projectId = id;

			// the review queue: a move awaiting review and an imported project with its evidence pending
			Project food = createProject.execute(details("绿色食品深加工产业园（含中央厨房及冷链配送中心）", unit("fanxian"),
					chains.findByName("绿色食品").orElseThrow().id().value(), "45000", null, null), city);
			jdbc.sql("UPDATE unit SET stage_review_required = TRUE WHERE code = 'fanxian'").update();
			try {
				long evidence = attachToProject.execute(food.id().value(), "签约合同.pdf", pdf(), "OTHER", EvidenceKind.CONTRACT,
						city).id();
				moveProjectStage.execute(food.id().value(), new StageMoveRequest(Stage.SIGNED, null, LocalDate.now().minusDays(1),
						ContractType.FRAMEWORK_AGREEMENT, new BigDecimal("43000"), null, null, List.of(evidence), null),
						city);
			}
			finally {
				jdbc.sql("UPDATE unit SET stage_review_required = FALSE WHERE code = 'fanxian'").update();
			}
			Project imported = createProject.execute(details("濮阳县冷链物流园及农产品集散中心建设项目", unit("puyang"),
					chains.findByName("现代物流").orElseThrow().id().value(), "12000", null, null), city);
			jdbc.sql("UPDATE project SET evidence_pending = TRUE WHERE id = :id").param("id", imported.id().value())
				.update();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private static ProjectDetails details(String name, long unit, long chain, String planned, String problems,
			Integer version) {
		return new ProjectDetails(name, "河南丝路国际科技股份有限公司", null, unit, null, "黄磊、刘洋", chain,
				"中游制造", ProjectType.NEW, PromotionMode.SUPPLY_CHAIN, new BigDecimal(planned), null, null, null,
				600, null, null, true, null, null, problems, null, version);
	}

	/** A tiny but well-formed PDF: uploads are checked by content, not by name. */
	private static byte[] pdf() {
		return String.join("\n", "%PDF-1.4", "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
				"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
				"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj", "trailer << /Root 1 0 R >>",
				"%%EOF", "").getBytes(StandardCharsets.US_ASCII);
	}
}
