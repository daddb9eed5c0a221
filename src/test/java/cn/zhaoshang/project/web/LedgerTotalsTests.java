package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectQueries;
import cn.zhaoshang.project.internal.RecordProgress;
import cn.zhaoshang.project.internal.StageMoveRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Honest totals (issue 8): the ledger, the Kanban and the export leave dropped (终止) projects out of their default
 * set and sums and say so; the user can include them; the API keeps its documented default (every status); the
 * grouped view's subtotals add up to its total; the export carries a totals row; sums follow the chosen unit; the
 * pager shows page numbers, first/last and the page sizes. Each test makes its own projects under a unique name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerTotalsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient fundsJdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	CreateProject createProject;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	RecordProgress recordProgress;

	@Autowired
	ProjectQueries queries;

	@Autowired
	DataScopes scopes;

	@Autowired
	Chains chains;

	/** Hualong: 1,000.00 and 250.50 active, 5,000.00 dropped; Qingfeng: 300.00 on hold. */
	private String fourProjects() {
		String tag = unique("合计");
		long chain = chain("化工");
		create("hualong", tag + "甲", chain, "1000.00");
		create("hualong", tag + "乙", chain("绿色食品"), "250.50");
		Project dropped = create("hualong", tag + "丙", chain, "5000.00");
		moveProjectStage.execute(dropped.id().value(), statusMove(ProjectStatus.DROPPED, "投资方撤资"), account("hualong"));
		Project held = create("qingfeng", tag + "丁", chain, "300.00");
		moveProjectStage.execute(held.id().value(), statusMove(ProjectStatus.ON_HOLD, "等待用地指标"), account("qingfeng"));
		return tag;
	}

	@Test
	void the_list_and_board_leave_dropped_projects_out_by_default_say_so_and_include_them_on_request()
			throws Exception {
		String tag = fourProjects();

		mvc.perform(get("/projects").param("q", tag).with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合计 3 个项目")))
			.andExpect(content().string(containsString(">1,550.50 万元</span>")))
			.andExpect(content().string(containsString("合计不含已终止项目")))
			.andExpect(content().string(not(containsString(tag + "丙"))));

		mvc.perform(get("/projects").param("q", tag).param("includeDropped", "true").with(as("city")))
			.andExpect(content().string(containsString("合计 4 个项目")))
			.andExpect(content().string(containsString(">6,550.50 万元</span>")))
			.andExpect(content().string(containsString("合计包含已终止项目")))
			.andExpect(content().string(containsString(tag + "丙")))
			// the choice travels with the other filters to the board, the grouped view and the export
			.andExpect(content().string(containsString("/projects/export.xlsx?q=")))
			.andExpect(content().string(containsString("includeDropped=true")));

		// Choosing the status 终止 shows the dropped ones whatever the checkbox says.
		mvc.perform(get("/projects").param("q", tag).param("status", "DROPPED").with(as("city")))
			.andExpect(content().string(containsString("合计 1 个项目")))
			.andExpect(content().string(containsString(">5,000.00 万元</span>")));

		// The Kanban's column sums: all four are still negotiating.
		mvc.perform(get("/projects/board").param("q", tag).with(as("city")))
			.andExpect(content().string(containsString("合计不含已终止项目")))
			.andExpect(content().string(Matches.sum("sum-NEGOTIATING", "1,550.50 万元")));
		mvc.perform(get("/projects/board").param("q", tag).param("includeDropped", "true").with(as("city")))
			.andExpect(content().string(Matches.sum("sum-NEGOTIATING", "6,550.50 万元")));
	}

	@Test
	void the_api_keeps_counting_every_status_unless_asked_to_leave_dropped_projects_out() throws Exception {
		String tag = fourProjects();
		String token = token("city");
		mvc.perform(get("/api/v1/projects").param("q", tag).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.sums.plannedInvestment").value(6550.50));
		mvc.perform(get("/api/v1/projects").param("q", tag).param("includeDropped", "false")
			.header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.sums.plannedInvestment").value(1550.50));
	}

	@Test
	void the_grouped_view_shows_each_units_subtotals_and_the_total_of_the_filtered_set() throws Exception {
		String tag = fourProjects();
		String html = mvc.perform(get("/projects/groups").param("q", tag).with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合计不含已终止项目")))
			.andReturn().getResponse().getContentAsString();
		assertThat(groupRow(html, "华龙区")).contains(">2</td>").contains(">1,250.50 万元</span>");
		assertThat(groupRow(html, "清丰县")).contains(">1</td>").contains(">300.00 万元</span>");
		assertThat(html).containsPattern("id=\"total-count\">3</td>");
		assertThat(html).contains(">1,550.50 万元</span>");

		// by stage and by chain, each group links to the list narrowed to it
		mvc.perform(get("/projects/groups").param("q", tag).param("by", "chain").with(as("city")))
			.andExpect(content().string(containsString("绿色食品")))
			.andExpect(content().string(containsString("chain=" + chain("绿色食品"))));
		mvc.perform(get("/projects/groups").param("q", tag).param("by", "stage").param("includeDropped", "true")
			.with(as("city")))
			.andExpect(content().string(containsString("在谈")))
			.andExpect(content().string(containsString("stage=NEGOTIATING")))
			.andExpect(content().string(Matches.sum("sum-planned", "6,550.50 万元")));
	}

	@Test
	void the_groups_api_gives_the_grouped_figures_in_one_request_within_the_users_scope() throws Exception {
		String tag = fourProjects();
		String json = mvc.perform(get("/api/v1/projects/groups").param("q", tag).param("includeDropped", "false")
			.with(as("city")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(json).contains("\"by\":\"unit\"").contains("\"total\":3")
			.containsPattern("\"label\":\"华龙区\",\"total\":2,\"sums\":\\{\"plannedInvestment\":1250.50")
			.containsPattern("\"label\":\"清丰县\",\"total\":1,\"sums\":\\{\"plannedInvestment\":300.00")
			.contains("\"sums\":{\"plannedInvestment\":1550.50");
		// a county manager's groups hold what the county's list holds (its data scope), by stage with the stage's key
		String list = mvc.perform(get("/api/v1/projects").param("q", tag).param("includeDropped", "false")
			.with(as("hualong"))).andReturn().getResponse().getContentAsString();
		String total = list.replaceAll("(?s).*\"total\":(\\d+).*", "$1");
		mvc.perform(get("/api/v1/projects/groups").param("q", tag).param("by", "stage").param("includeDropped", "false")
			.with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("{\"key\":\"NEGOTIATING\",\"label\":\"NEGOTIATING\",\"total\":"
					+ total + ",")))
			.andExpect(content().string(containsString("],\"total\":" + total + ",")));
		mvc.perform(get("/api/v1/projects/groups").param("by", "county").with(as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"field\":\"by\"")));
	}

	@Test
	void on_the_whole_ledger_every_grouping_adds_up_to_its_total() {
		var scope = scopes.of(account("city"));
		ProjectFilter all = ProjectFilter.none().withIncludeDropped(false);
		for (String by : ProjectQueries.GROUP_BY) {
			var grouped = queries.grouped(all, scope, by);
			assertThat(grouped.groups()).as(by).isNotEmpty();
			assertThat(grouped.groups().stream().mapToLong(g -> g.totals().count()).sum()).as(by)
				.isEqualTo(grouped.total().count());
			assertThat(sum(grouped, ProjectQueries.Totals::plannedInvestment)).as(by)
				.isEqualByComparingTo(grouped.total().plannedInvestment());
			assertThat(sum(grouped, ProjectQueries.Totals::contractedInvestment)).as(by)
				.isEqualByComparingTo(grouped.total().contractedInvestment());
			assertThat(sum(grouped, ProjectQueries.Totals::paidInInvestment)).as(by)
				.isEqualByComparingTo(grouped.total().paidInInvestment());
			assertThat(grouped.total()).isEqualTo(queries.list(all, scope, 1, 20).totals());
		}
	}

	@Test
	void the_export_has_a_totals_sheet_with_each_unit_and_the_totals_row_and_the_ledger_sheet_is_unchanged()
			throws Exception {
		String tag = fourProjects();
		byte[] xlsx = mvc.perform(get("/projects/export.xlsx").param("q", tag).with(as("city")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(LedgerSheets.read(xlsx, 0)).hasSize(1 + 3);
		List<List<Object>> totals = LedgerSheets.read(xlsx, 1);
		assertThat(totals.get(0)).startsWith("落地单位", "项目数", "计划总投资（万元）");
		assertThat(totals.get(0)).endsWith("实际到位资金（万元，按月登记，筛选期间）");
		assertThat(totals.stream().map(LedgerTotalsTests::cells).toList()).contains("华龙区|2|1250.5|0|0|0",
				"清丰县|1|300|0|0|0", "合计|3|1550.5|0|0|0", "合计不含已终止项目。");
		// the totals row is the last row of figures
		assertThat(cells(totals.get(totals.size() - 2))).isEqualTo("合计|3|1550.5|0|0|0");

		byte[] all = mvc.perform(get("/projects/export.xlsx").param("q", tag).param("includeDropped", "true")
			.with(as("city"))).andReturn().getResponse().getContentAsByteArray();
		assertThat(LedgerSheets.read(all, 0)).hasSize(1 + 4);
		assertThat(LedgerSheets.read(all, 1).stream().map(LedgerTotalsTests::cells).toList())
			.contains("华龙区|3|6250.5|0|0|0", "合计|4|6550.5|0|0|0")
			.doesNotContain("合计不含已终止项目。");
	}

	@Autowired
	cn.zhaoshang.project.internal.RecordFunds recordFunds;

	@Autowired
	java.time.Clock clock;

	/**
	 * Issue 10: a group's and the total's funds in place are the sums of the projects' monthly funds rows in the
	 * filter's period (the months of its date range), not the paid-in investment (every row); the export's 汇总
	 * sheet carries the same figure.
	 */
	@Test
	void funds_in_place_of_groups_and_total_are_the_funds_rows_of_the_filters_period() throws Exception {
		String tag = unique("到位");
		long chain = chain("化工");
		long a = create("hualong", tag + "甲", chain, "1000.00").id().value();
		long b = create("qingfeng", tag + "乙", chain, "1000.00").id().value();
		java.time.YearMonth now = java.time.YearMonth.now(clock);
		record(a, now.minusMonths(3), "100.00", "hualong"); // before the period
		record(a, now.minusMonths(1), "20.50", "hualong");
		record(a, now, "3.25", "hualong");
		record(b, now, "7.00", "qingfeng");
		record(b, now.minusMonths(5), "1000.00", "qingfeng"); // before the period
		var scope = scopes.of(account("city"));
		ProjectFilter period = new ProjectFilter(tag, null, null, null, null, null, null, null, null, "created",
				now.minusMonths(1).atDay(1), java.time.LocalDate.now(clock), null, null, null, null, null, null, null);
		var grouped = queries.grouped(period, scope, "unit");
		assertThat(grouped.groups()).extracting(g -> g.label() + " " + g.totals().paidInInvestment().toPlainString()
				+ " " + g.totals().fundsInPlace().toPlainString())
			.containsExactly("华龙区 123.75 23.75", "清丰县 1007.00 7.00");
		assertThat(grouped.total().fundsInPlace()).isEqualByComparingTo("30.75");
		assertThat(grouped.total().paidInInvestment()).isEqualByComparingTo("1130.75");
		// without a period every row counts: the paid-in sums (ADR 0010, kept by the funds writers), equal to the rows
		ProjectFilter always = new ProjectFilter(tag, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		var everyMonth = queries.grouped(always, scope, "unit");
		assertThat(everyMonth.groups()).extracting(g -> g.label() + " " + g.totals().fundsInPlace().toPlainString())
			.containsExactly("华龙区 123.75", "清丰县 1007.00");
		BigDecimal rows = fundsJdbc.sql("SELECT SUM(f.funds_in_place) FROM project_funds f WHERE f.project_id IN (?, ?)")
			.params(a, b).query(BigDecimal.class).single();
		assertThat(everyMonth.total().fundsInPlace()).isEqualByComparingTo(rows).isEqualByComparingTo("1130.75");
		assertThat(queries.list(always, scope, 1, 20).totals().fundsInPlace()).isEqualByComparingTo(rows);
		// the list's sums say the same, by stage and chain too
		assertThat(queries.list(period, scope, 1, 20).totals().fundsInPlace()).isEqualByComparingTo("30.75");
		assertThat(queries.grouped(period, scope, "stage").groups()).extracting(g -> g.totals().fundsInPlace())
			.usingElementComparator(java.math.BigDecimal::compareTo)
			.containsExactly(new java.math.BigDecimal("30.75"));
		assertThat(queries.grouped(period, scope, "chain").total().fundsInPlace()).isEqualByComparingTo("30.75");
		// without a period every row counts: equal to paid-in
		ProjectFilter all = new ProjectFilter(tag, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
		assertThat(queries.grouped(all, scope, "unit").total().fundsInPlace()).isEqualByComparingTo("1130.75");
		// the export's 汇总 sheet
		byte[] xlsx = mvc.perform(get("/projects/export.xlsx").param("q", tag).param("dateOf", "created")
			.param("from", now.minusMonths(1).atDay(1).toString()).param("to", java.time.LocalDate.now(clock).toString())
			.with(as("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(LedgerSheets.read(xlsx, 1).stream().map(LedgerTotalsTests::cells).toList()).contains(
				"华龙区|1|1000|0|123.75|23.75", "清丰县|1|1000|0|1007|7", "合计|2|2000|0|1130.75|30.75");
		// the grouped page shows both: paid-in and the funds rows of the period
		String html = mvc.perform(get("/projects/groups").param("q", tag).param("dateOf", "created")
			.param("from", now.minusMonths(1).atDay(1).toString()).param("to", java.time.LocalDate.now(clock).toString())
			.with(as("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("按月登记的实际到位资金合计");
		assertThat(groupRow(html, "华龙区")).contains(">123.75 万元</span>").contains(">23.75 万元</span>");
		assertThat(html).containsPattern("id=\"sum-funds\"[^>]*>30.75 万元");
	}

	private void record(long project, java.time.YearMonth month, String amount, String username) {
		recordFunds.execute(project, month, new cn.zhaoshang.project.internal.RecordFunds.Input(
				new java.math.BigDecimal(amount), null, null, null, null, null), account(username));
	}

	@Test
	void sums_follow_the_unit_the_user_chose_for_the_session_with_the_exact_figure_on_hover() throws Exception {
		String tag = unique("亿元");
		create("hualong", tag + "大项目", chain("化工"), "1962300.00");
		// automatic by default: over 10,000 万元 in 亿元, the exact 万元 figure in the title
		mvc.perform(get("/projects").param("q", tag).with(as("city")))
			.andExpect(content().string(containsString("title=\"1,962,300.00 万元\"")))
			.andExpect(content().string(containsString(">196.23 亿元</span>")));
		var choice = mvc.perform(post("/projects/display").param("unit", "WAN").param("back", "/projects?q=x")
			.with(as("city")).with(csrf()))
			.andExpect(redirectedUrl("/projects?q=x"))
			.andReturn().getResponse();
		Cookie session = choice.getCookie("SESSION");
		assertThat(session).isNotNull();
		mvc.perform(get("/projects").param("q", tag).cookie(session).with(as("city")))
			.andExpect(content().string(containsString(">1,962,300.00 万元</span>")))
			.andExpect(content().string(containsString("id=\"unit-WAN\" aria-pressed=\"true\"")));
		// another session (another person) still sees the automatic unit
		mvc.perform(get("/projects").param("q", tag).with(as("city")))
			.andExpect(content().string(containsString(">196.23 亿元</span>")));
		// an address off the ledger is never a redirect target
		mvc.perform(post("/projects/display").param("unit", "YI").param("back", "//evil.example/projects")
			.cookie(session).with(as("city")).with(csrf()))
			.andExpect(redirectedUrl("/projects"));
		mvc.perform(get("/projects/groups").param("q", tag).cookie(session).with(as("city")))
			.andExpect(content().string(Matches.sum("sum-planned", "196.23 亿元")));
	}

	@Test
	void compact_density_is_remembered_for_the_session_and_keeps_the_full_progress_on_hover() throws Exception {
		String tag = unique("紧凑");
		Project p = create("hualong", tag + "项目", chain("化工"), "10");
		String progress = "项目已完成主体厂房封顶，正在进行设备安装调试，预计下月试生产，需协调电力增容和天然气接入问题";
		recordProgress.execute(p.id().value(), java.time.LocalDate.now(), progress, null, List.of(),
				account("hualong"));
		mvc.perform(get("/projects").param("q", tag).with(as("hualong")))
			.andExpect(content().string(not(containsString("ledger-compact"))));
		Cookie session = mvc.perform(post("/projects/display").param("density", "compact").param("back", "/projects")
			.with(as("hualong")).with(csrf()))
			.andExpect(redirectedUrl("/projects"))
			.andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/projects").param("q", tag).cookie(session).with(as("hualong")))
			.andExpect(content().string(containsString("ledger-compact")))
			.andExpect(content().string(containsString("class=\"compact-row\"")))
			.andExpect(content().string(containsString("compact-progress\" title=\"" + java.time.LocalDate.now() + " " + progress + "\"")));
		mvc.perform(post("/projects/display").param("density", "comfortable").param("back", "/projects")
			.cookie(session).with(as("hualong")).with(csrf()));
		mvc.perform(get("/projects").param("q", tag).cookie(session).with(as("hualong")))
			.andExpect(content().string(not(containsString("ledger-compact"))));
	}

	@Test
	void the_pager_shows_page_numbers_first_and_last_and_the_page_sizes() throws Exception {
		String tag = unique("分页");
		long chain = chain("化工");
		for (int i = 0; i < 45; i++) {
			create("hualong", tag + i, chain, "1");
		}
		String html = mvc.perform(get("/projects?q={q}&page=2", tag).with(as("hualong")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String pager = html.substring(html.indexOf("id=\"pager\""), html.indexOf("</ul>", html.indexOf("id=\"pager\"")));
		assertThat(pager).contains("id=\"page-first\" href=\"/projects?q=").contains("page=1\"");
		assertThat(pager).containsPattern("id=\"page-last\" href=\"[^\"]*page=3\"");
		assertThat(pager).containsPattern("aria-current=\"page\"><span class=\"page-link\">2</span>");
		assertThat(pager).containsPattern("href=\"[^\"]*page=1\" aria-label=\"第 1 页\">1</a>");
		assertThat(pager).containsPattern("href=\"[^\"]*page=3\" aria-label=\"第 3 页\">3</a>");
		assertThat(html).contains("共 45 条，第 2/3 页");
		String sizes = html.substring(html.indexOf("id=\"page-size\""));
		assertThat(sizes).containsPattern("<strong[^>]*>20</strong>").containsPattern("href=\"[^\"]*size=50\"")
			.containsPattern("href=\"[^\"]*size=100\"");
		// size 50 puts all 45 on one page: no page links, 50 is the current size
		mvc.perform(get("/projects?q={q}&size=50", tag).with(as("hualong")))
			.andExpect(content().string(not(containsString("id=\"pager\""))))
			.andExpect(content().string(containsString("共 45 条，第 1/1 页")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<strong[^>]*>50</strong>.*")));
	}

	// ---- helpers ----

	/** Matchers on rendered sums. */
	static final class Matches {

		static org.hamcrest.Matcher<String> sum(String id, String text) {
			return org.hamcrest.Matchers.matchesPattern(
					"(?s).*id=\"" + Pattern.quote(id) + "\"[^>]*>" + Pattern.quote(text) + "</span>.*");
		}
	}

	private static String cells(List<Object> row) {
		return String.join("|", row.stream()
			.map(v -> v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v))
			.toList());
	}

	private static String groupRow(String html, String label) {
		int at = html.indexOf(">" + label + "</a>");
		assertThat(at).as(label).isPositive();
		return html.substring(at, html.indexOf("</tr>", at));
	}

	private static BigDecimal sum(ProjectQueries.Grouped grouped,
			java.util.function.Function<ProjectQueries.Totals, BigDecimal> figure) {
		return grouped.groups().stream().map(g -> figure.apply(g.totals())).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private String token(String username) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	private static StageMoveRequest statusMove(ProjectStatus to, String reason) {
		return new StageMoveRequest(null, to, null, null, null, null, null, null, reason);
	}

	private RequestPostProcessor as(String username) {
		return user(account(username));
	}

	private CurrentUser account(String username) {
		return accounts.loadUserByUsername(username);
	}

	private Project create(String username, String name, long chainId, String planned) {
		CurrentUser user = account(username);
		return createProject.execute(new ProjectDetails(name, "测试投资有限公司", null, user.unitId().value(), null, null, chainId,
				null, ProjectType.NEW, null, new BigDecimal(planned), null, null, null, null, null, null, false, null,
				null, null, null, null), user);
	}

	private long chain(String name) {
		return chains.findByName(name).orElseThrow().id().value();
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}
}
