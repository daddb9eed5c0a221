package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.EditClue;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The project and clue histories (issue 8) as people read them, at desktop and phone width in Chinese and English:
 * names rather than ids, translated values, the person's name beside the sign-in name, nothing sticking out
 * sideways. Screenshots: target/screenshots/history-*.png.
 */
class HistoryBrowserTests extends BrowserJourney {

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	AssignClue assignClue;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	ClueLookup clueLookup;

	@Autowired
	CreateProject createProject;

	@Autowired
	EditClue editClue;

	@Autowired
	EditProject editProject;

	@Autowired
	LogClue logClue;

	@Autowired
	Merchants merchants;

	@Test
	void the_project_and_clue_histories_read_as_names_and_labels_on_desktop_and_phone_in_both_languages() {
		String tag = UUID.randomUUID().toString().substring(0, 4);
		long hualong = Demo.unit(jdbc, "hualong");
		long materials = Demo.chain(jdbc, "new-materials");
		long chemical = Demo.chain(jdbc, "chemical");
		var staff = Demo.signIn(accounts, "hualong.staff");
		long project;
		long clue;
		try {
			String investor = "濮阳可读历史新材料有限公司" + tag;
			var p = createProject.execute(new ProjectDetails("可读历史项目" + tag, investor, null, hualong,
					null, null, materials, null, ProjectType.EXPANSION, null, new BigDecimal("1000"), null, null, null,
					null, null, null, false, null, null, null, null, null), staff);
			project = p.id().value();
			editProject.execute(project, new ProjectDetails(p.name(), investor, null, hualong, null, null, chemical,
					null, ProjectType.NEW, null, new BigDecimal("1200"), null, null, null, null, null, null, true, null,
					null, null, null, p.version()), staff);
			attachToProject.execute(project, "投资协议（盖章版）.pdf",
					"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "OTHER", null,
					staff);
			var manager = Demo.signIn(accounts, "hualong");
			var enterprise = merchants.findOrRegister("濮阳可读线索化工有限公司" + tag, null);
			clue = logClue.execute(new ClueDetails("可读历史线索" + tag, "某企业", null, materials, null,
					new BigDecimal("500"), PromotionMode.CAPITAL, ClueSource.CONSULTANT, null, "顾问", hualong, null,
					null, null), manager).id().value();
			var c = clueLookup.readable(clue, manager);
			editClue.execute(clue, new ClueDetails(c.title(), enterprise.name(), enterprise.id().value(), chemical, null,
					new BigDecimal("500"), PromotionMode.CAPITAL, ClueSource.EVENT, null, "顾问", hualong, null, null,
					c.version()), manager);
			assignClue.execute(clue, hualong, Demo.user(jdbc, "hualong.staff"), null, manager);
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			browser.reset();
			browser.signIn("hualong", PASSWORD);
			if (lang.equals("en")) {
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.open("/projects/" + project);
				// the project page folds its history (issue 8, phone): open it as the reader would
				browser.js("document.getElementById('history').open = true");
				String history = browser.text("#history");
				if (lang.equals("zh")) {
					assertThat(history).contains("所属产业链：新材料 → 化工", "项目类型：增资扩产 → 新建", "文件名：投资协议（盖章版）.pdf",
							"刘洋", "hualong.staff");
				}
				else {
					assertThat(history).contains("Industry chain: New materials → Chemical industry",
							"Project type: Expansion → New", "File name: 投资协议（盖章版）.pdf", "刘洋");
				}
				assertThat(history).doesNotContain("EXPANSION").doesNotContain("sizeBytes");
				browser.js("document.getElementById('history').scrollIntoView()");
				browser.checkPage(problems, "history-project-" + lang);

				browser.open("/clues/" + clue);
				String clueHistory = browser.text("#history");
				assertThat(clueHistory).contains(lang.equals("zh") ? "线索来源：招商顾问 → 招商活动" : "Source: Consultant → Event")
					.contains("濮阳可读线索化工有限公司" + tag)
					.contains("刘洋")
					.doesNotContain("FOLLOWING")
					.doesNotContain("EVENT");
				browser.js("document.getElementById('history').scrollIntoView()");
				browser.checkPage(problems, "history-clue-" + lang);
			}
		}
		assertThat(problems).isEmpty();
	}
}
