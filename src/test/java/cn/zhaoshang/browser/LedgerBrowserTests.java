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
import java.util.UUID;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.RecordProgress;
import cn.zhaoshang.project.internal.StageMoveRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The ledger's main journey in headless Chromium, in Chinese: a unit manager creates a project, attaches the
 * signed contract, moves it to 签约 and finds it in the list, on the Kanban and in the detail page's timeline. Then
 * the ledger pages at desktop and phone width, without sideways overflow or console errors. A handful of realistic
 * projects is made through the ledger's use cases ({@link CreateProject}, {@link MoveProjectStage}) first, so that
 * the screenshots show a ledger in use.
 */
class LedgerBrowserTests extends BrowserJourney {

	private static Path contract;

	private static Long sampleId;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	CreateProject createProject;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	RecordProgress recordProgress;

	@Autowired
	Chains chains;

	@Autowired
	AccountUserDetailsService accounts;

	@BeforeAll
	static void writeContract() throws IOException {
		// A tiny but well-formed PDF: the upload is checked by content, not by name.
		contract = Path.of("target", "browser", "签约合同.pdf").toAbsolutePath();
		Files.createDirectories(contract.getParent());
		Files.writeString(contract, """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""", StandardCharsets.US_ASCII);
	}

	@BeforeEach
	void seed() {
		seedOnce();
	}

	@Test
	void unit_manager_creates_a_project_attaches_the_contract_moves_it_to_signed_and_finds_it_everywhere() {
		String name = "华龙区高端聚酯薄膜项目" + UUID.randomUUID().toString().substring(0, 4);
		browser.signIn("hualong", PASSWORD);

		// The list, then a new project; saving it empty names each missing field.
		browser.open("/projects");
		browser.clickInView("#new-project");
		browser.clickInView("#save");
		assertThat(browser.text("#form-errors")).contains("名称：不能为空").contains("投资方：不能为空")
			.contains("计划总投资（万元）：不能为空");
		browser.screenshot("ledger-form-errors-desktop");

		browser.type("#name", name);
		browser.type("#investorName", "濮阳市华龙薄膜科技有限公司");
		browser.selectText("#chainId", "新材料");
		browser.js("document.querySelector('#types-NEW').checked = true;");
		browser.selectValue("#promotionMode", "PEER_TO_PEER");
		browser.type("#plannedInvestment", "36000");
		browser.type("#jobs", "260");
		browser.clickInView("#save");
		assertThat(browser.text("#project-name")).isEqualTo(name);
		assertThat(browser.text("#flash")).contains("项目已创建");
		assertThat(browser.text("#investment")).contains("36,000.00");

		// Move to 签约 with the contract attached in the same form.
		browser.clickInView("#move-next");
		assertThat(browser.text("h1.page-title")).isEqualTo("推进到“签约”");
		browser.screenshot("ledger-move-desktop");
		browser.js("arguments[0].value = arguments[1];", browser.find("#date"), LocalDate.now().toString());
		browser.selectValue("#contractType", "FORMAL_CONTRACT");
		browser.type("#contractedInvestment", "32000.5");
		browser.driver().findElement(By.id("file_CONTRACT")).sendKeys(contract.toString());
		browser.clickInView("#submit-move");

		assertThat(browser.text("#flash")).contains("阶段变更已生效");
		assertThat(browser.find("#stepper .step.current").getText()).contains("签约");
		String timeline = browser.text("#timeline");
		assertThat(timeline).contains("在谈 → 签约").contains("签约合同.pdf").contains("正式合同").contains("32,000.50");
		browser.screenshot("ledger-detail-desktop");

		// The 开工 form asks for each kind of evidence the stage needs, one labelled input each.
		browser.clickInView("#move-next");
		assertThat(browser.text("#move-form")).contains("施工许可证").contains("现场照片");
		browser.find("#file_CONSTRUCTION_PERMIT");
		browser.find("#file_SITE_PHOTO");
		browser.screenshot("ledger-move-commence-desktop");
		browser.use(Browser.PHONE);
		browser.screenshot("ledger-move-commence-phone");
		browser.use(Browser.DESKTOP);

		// The list shows it as 签约, the Kanban in its 签约 column.
		browser.open("/projects");
		browser.type("#q", name);
		browser.clickInView("#filter-submit");
		assertThat(browser.text("#project-table tbody")).contains(name).contains("签约");
		assertThat(browser.text("#total-count")).isEqualTo("合计 1 个项目");
		browser.clickInView("#to-board");
		assertThat(browser.text("#col-SIGNED")).contains(name);
		assertThat(browser.text("#col-NEGOTIATING")).doesNotContain(name);

		browser.screenshot("ledger-board-desktop");

		// Back on the project, the timeline links the contract for download.
		browser.clickAndWait(browser.driver().findElement(By.partialLinkText(name)));
		String href = browser.driver().findElement(By.linkText("签约合同.pdf")).getDomAttribute("href");
		assertThat(href).matches("/projects/\\d+/attachments/\\d+");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void ledger_pages_fit_desktop_and_phone_screens_without_console_errors() {
		browser.signIn("hualong", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.open("/projects");
			browser.find("#ledger-totals");
			browser.checkPage(problems, "ledger-list");
			// a refused filter (a range without its date) shows on the filter form, sorted by a header
			browser.checkPage(problems, "ledger-list-filter-error", "/projects?sort=planned&dir=desc&from=2026-01-01",
					"#filter-errors");
			browser.open("/projects/board");
			browser.find("#kanban");
			browser.checkPage(problems, "ledger-board");
			browser.open("/projects/" + sampleId);
			browser.find("#timeline");
			browser.checkPage(problems, "ledger-detail");
			browser.open("/projects/new");
			browser.clickInView("#save");
			browser.find("#form-errors");
			browser.checkPage(problems, "ledger-form-errors");
			browser.open("/projects/" + sampleId + "/move");
			browser.find("#move-form");
			browser.checkPage(problems, "ledger-move");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	@Test
	void the_city_bureau_sees_the_review_queue_and_approves_a_move() {
		browser.signIn("city", PASSWORD);
		browser.open("/projects/review");
		assertThat(browser.text("#review-moves")).contains("绿色食品深加工产业园");
		browser.screenshot("ledger-review-desktop");
		var approve = browser.driver().findElement(By.xpath("//li[contains(@class,'review-item')]"
				+ "[.//a[contains(., '绿色食品深加工产业园')]]//button[contains(@class,'btn-success')]"));
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", approve);
		browser.clickAndWait(approve);
		assertThat(browser.text("#flash")).contains("已审核通过");
		assertThat(browser.text("#review-moves")).doesNotContain("绿色食品深加工产业园").contains("光学膜材料生产线项目");

		// The other move is reviewed on its project page; an imported project asks for its evidence.
		browser.clickAndWait(browser.driver().findElement(By.linkText("光学膜材料生产线项目")));
		assertThat(browser.text("#pending-move")).contains("等待市商务局审核");
		browser.find("#approve");
		browser.screenshot("ledger-detail-review-desktop");
		browser.open("/projects/review");
		browser.clickAndWait(browser.driver().findElement(By.cssSelector("#review-evidence tbody a.btn")));
		assertThat(browser.text("#evidence-alert")).contains("历史导入，待补证据");
		browser.use(Browser.PHONE);
		browser.screenshot("ledger-detail-evidence-phone");
		browser.use(Browser.DESKTOP);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	// ---- a ledger in use, for the screenshots ----

	private void seedOnce() {
		if (sampleId != null) {
			return;
		}
		CurrentUser city = accounts.loadUserByUsername("city");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(city, null, city.getAuthorities()));
		try {
			LocalDate today = LocalDate.now();
			long hualong = jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single();
			long rtYrd = jdbc.sql("SELECT id FROM unit WHERE code = 'rt-yrd'").query(Long.class).single();
			long leader = jdbc.sql("SELECT id FROM person WHERE name = '王强'").query(Long.class).single();
			long attendant = jdbc.sql("SELECT id FROM person WHERE name = '刘洋'").query(Long.class).single();
			Project pc = createProject.execute(new ProjectDetails("年产20万吨高端聚碳酸酯项目", "河南恒润新材料股份有限公司", null,
					hualong, rtYrd, "黄磊、刘洋", chains.findByName("新材料").orElseThrow().id().value(), "中游制造",
					ProjectType.EXPANSION, PromotionMode.SUPPLY_CHAIN, new BigDecimal("286000"), new BigDecimal("1200"),
					new BigDecimal("420000"), new BigDecimal("31000"), 850, new BigDecimal("560"),
					new BigDecimal("48000"), true, leader, attendant, "二期用电增容（110 千伏专线）需市电力公司协调；危化品运输路线待审批。",
					"以光气法聚碳酸酯为主，配套建设双酚 A 装置，产品用于电子电器、汽车和光学材料。", null), city);
			move(city, pc, Stage.SIGNED, today.minusDays(90), "240000");
			move(city, pc, Stage.COMMENCED, today.minusDays(40), "52000");
			recordProgress.execute(pc.id().value(), today.minusDays(3), "主体厂房封顶，聚合装置设备进场安装，预计年底试生产。",
					new BigDecimal("86500.75"), List.of(), city);
			sampleId = pc.id().value();

			Project home = project(city, "智能家居产业园二期", "全友家居（清丰）有限公司", "qingfeng", "智能家居",
					ProjectType.EXPANSION, "52000", true);
			move(city, home, Stage.SIGNED, today.minusDays(30), "50000");
			recordProgress.execute(home.id().value(), today.minusDays(5), "已完成土地摘牌，正在办理施工许可。", null,
					List.of(), city);

			Project down = project(city, "羽绒制品精深加工项目", "广州雅鹿羽绒服饰有限公司", "qingfeng", "羽绒及制品",
					ProjectType.NEW, "8000.55", false);
			recordProgress.execute(down.id().value(), today.minusDays(12), "第三轮洽谈，企业要求标准化厂房 2 万平方米。",
					null, List.of(), city);

			Project h2 = project(city, "氢能装备制造基地", "中石化氢能装备（濮阳）有限公司", "etdz", "装备制造",
					ProjectType.NEW, "150000", true);
			move(city, h2, Stage.SIGNED, today.minusDays(400), "150000");
			move(city, h2, Stage.COMMENCED, today.minusDays(300), "60000");
			move(city, h2, Stage.IN_PRODUCTION, today.minusDays(20), "148000");

			Project bio = project(city, "生物基可降解材料项目", "南乐县绿源生物科技有限公司", "nanle", "新材料",
					ProjectType.RETURN, "30000", false);
			moveProjectStage.execute(bio.id().value(), new StageMoveRequest(null, ProjectStatus.ON_HOLD, null, null, null, null,
					null, List.of(), "企业融资未到位，暂缓推进"), city);

			Project imported = project(city, "冷链物流园项目", "濮阳县顺达物流有限公司", "puyang", "现代物流",
					ProjectType.NEW, "12000", false);
			move(city, imported, Stage.SIGNED, today.minusDays(200), "12000");
			jdbc.sql("UPDATE project SET evidence_pending = TRUE WHERE id = :id").param("id", imported.id().value())
				.update();

			Project food = project(city, "绿色食品深加工产业园", "河南豫香食品有限公司", "fanxian", "绿色食品",
					ProjectType.FOREIGN, "45000", false);
			Project film = project(city, "光学膜材料生产线项目", "台前县鑫源光电材料有限公司", "taiqian", "新材料",
					ProjectType.NEW, "26800", false);
			// Two units whose moves need the city bureau's review: both moves wait in the queue.
			jdbc.sql("UPDATE unit SET stage_review_required = TRUE WHERE code IN ('fanxian', 'taiqian')").update();
			try {
				move(city, food, Stage.SIGNED, today.minusDays(2), "43000");
				move(city, film, Stage.SIGNED, today.minusDays(1), "25000");
			}
			finally {
				jdbc.sql("UPDATE unit SET stage_review_required = FALSE WHERE code IN ('fanxian', 'taiqian')").update();
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Project project(CurrentUser user, String name, String investor, String unitCode, String chain,
			ProjectType type, String planned, boolean key) {
		long unit = jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", unitCode).query(Long.class).single();
		long chainId = chains.findByName(chain).orElseThrow().id().value();
		return createProject.execute(new ProjectDetails(name, investor, null, unit, null, null, chainId, null, type,
				PromotionMode.PEER_TO_PEER, new BigDecimal(planned), null, null, null, null, null, null, key, null,
				null, null, null, null), user);
	}

	private void move(CurrentUser user, Project p, Stage to, LocalDate date, String amount) {
		// One file per kind the stage needs by default (DESIGN §4), each tagged with its kind.
		List<EvidenceKind> kinds = switch (to) {
			case SIGNED -> List.of(EvidenceKind.CONTRACT);
			case COMMENCED -> List.of(EvidenceKind.CONSTRUCTION_PERMIT, EvidenceKind.SITE_PHOTO);
			default -> List.of(EvidenceKind.FIRST_INVOICE);
		};
		List<Long> evidence = kinds.stream()
			.map(k -> attachToProject.execute(p.id().value(), "证明材料.pdf", pdf(), "OTHER", k, user).id())
			.toList();
		BigDecimal a = new BigDecimal(amount);
		moveProjectStage.execute(p.id().value(), new StageMoveRequest(to, null, date,
				to == Stage.SIGNED ? ContractType.FORMAL_CONTRACT : null, to == Stage.SIGNED ? a : null,
				to == Stage.COMMENCED ? a : null, to == Stage.IN_PRODUCTION ? a : null, evidence, null), user);
	}

	private static byte[] pdf() {
		try {
			return Files.readAllBytes(contract);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
