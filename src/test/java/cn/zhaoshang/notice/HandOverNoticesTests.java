package cn.zhaoshang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.clue.internal.SubmitClue;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ReviewStageMove;
import cn.zhaoshang.project.internal.StageMoveRequest;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Mailbox;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.TestUsers;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notices for every hand-over (issue 8), through the real use cases, the event listeners and a real SMTP server
 * (GreenMail): a move awaiting review reaches the city bureau's supervisors, the review's outcome reaches who
 * submitted the move with the opinion, a clue assignment reaches the assignee and the unit's managers, an
 * intermediary's clue reaches the receiving unit's managers, a new project leader is told; in-app and by e-mail,
 * never the person who acted, and not when the recipient has switched that kind off on the notice settings page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandOverNoticesTests {

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.server();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry, smtp);
	}

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	AssignClue assignClue;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	CreateProject createProject;

	@Autowired
	EditProject editProject;

	@Autowired
	LogClue logClue;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	ProjectAccess projectAccess;

	@Autowired
	ReviewStageMove reviewStageMove;

	@Autowired
	SubmitClue submitClue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	String code;
	long unit;
	UserId manager;
	UserId staff;
	UserId supervisor;

	@BeforeEach
	void freshUnitWithPeople() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		code = Pages.unique("n");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO unit (code, name, type, stage_review_required) VALUES (?, ?, 'COUNTY', TRUE)")
			.params(code, code)
			.update(keys, "id");
		unit = keys.getKey().longValue();
		manager = TestUsers.create(jdbc, "UNIT_MANAGER", code, code + ".manager@county.test", "zh-CN");
		staff = TestUsers.create(jdbc, "UNIT_STAFF", code, code + ".staff@county.test", "zh-CN");
		supervisor = TestUsers.create(jdbc, "CITY_SUPERVISOR", "city", code + ".city@bureau.test", "en");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private CurrentUser as(UserId id) {
		return Demo.signIn(accounts, login(id));
	}

	private CurrentUser as(String username) {
		return Demo.signIn(accounts, username);
	}

	private String login(UserId id) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(id.value()).query(String.class).single();
	}

	/**
	 * Subject key and body of the user's notices about this link, oldest first, once the listeners have finished
	 * (they run after the commit; a finished publication is deleted from the registry).
	 */
	private List<String> notices(UserId user, String link) {
		settle();
		return jdbc.sql("SELECT subject_key || ' | ' || title || ' | ' || COALESCE(body, '') FROM notification "
				+ "WHERE recipient_id = ? AND link = ? ORDER BY id")
			.params(user.value(), link)
			.query(String.class)
			.list();
	}

	private void settle() {
		long deadline = System.currentTimeMillis() + 15_000;
		while (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
			.single() > 0 && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private List<String> mails(UserId user) {
		settle();
		String address = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(user.value()).query(String.class)
			.single();
		return smtp.findReceivedMessages(u -> u.getEmail().equals(address), m -> true)
			.map(HandOverNoticesTests::text)
			.toList();
	}

	private static String text(MimeMessage m) {
		try {
			return m.getSubject() + "\n" + m.getContent();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private ProjectDetails details(String name, Long leader, Integer version) {
		return new ProjectDetails(name, Pages.unique("通知测试投资") + "有限公司", null, unit, null, null,
				jdbc.sql("SELECT MIN(id) FROM industry_chain").query(Long.class).single(), null, ProjectType.NEW, null,
				new BigDecimal("5000"), null, null, null, null, null, null, false, leader, null, null, null, version);
	}

	private long submitSigning(Project p, CurrentUser by) {
		long evidence = attachToProject.execute(p.id().value(), "合同.pdf", PDF, "OTHER",
				cn.zhaoshang.project.EvidenceKind.CONTRACT, by).id();
		moveProjectStage.execute(p.id().value(), new StageMoveRequest(Stage.SIGNED, null, LocalDate.now(),
				ContractType.FORMAL_CONTRACT, new BigDecimal("4800"), null, null, List.of(evidence), null), by);
		return jdbc.sql("SELECT pending_move_id FROM project WHERE id = ?").param(p.id().value()).query(Long.class)
			.single();
	}

	@Test
	void a_move_awaiting_review_reaches_the_reviewers_and_the_outcome_reaches_who_submitted_it_unless_switched_off()
			throws Exception {
		CurrentUser staffUser = as(staff);
		Project p = createProject.execute(details(Pages.unique("通知测试项目"), null, null), staffUser);
		String link = "/projects/" + p.id().value();
		long moveId = submitSigning(p, staffUser);

		assertThat(notices(supervisor, "/projects/review")).singleElement()
			.satisfies(n -> assertThat(n).startsWith("project.notice.awaiting | Project " + p.code())
				.contains("asks to move to Signed"));
		assertThat(mails(supervisor)).singleElement().satisfies(m -> assertThat(m).contains(p.code())
			.contains("https://zs.example.gov.cn/projects/review"));
		long cityUser = Demo.user(jdbc, "city");
		assertThat(notices(new UserId(cityUser), "/projects/review")).anyMatch(n -> n.contains(p.code()));
		assertThat(notices(staff, "/projects/review")).as("not to the submitter").isEmpty();

		reviewStageMove.execute(p.id().value(), moveId, false, "合同未盖章，请补充盖章页", as("city"));
		assertThat(notices(staff, link)).singleElement()
			.satisfies(n -> assertThat(n).startsWith("project.notice.returned").contains("合同未盖章，请补充盖章页"));
		assertThat(mails(staff)).singleElement().satisfies(m -> assertThat(m).contains("被退回")
			.contains("合同未盖章，请补充盖章页"));

		// the staff member switches review outcomes off on the notice settings page
		var page = user(accounts.loadUserByUsername(login(staff)));
		String settings = mvc.perform(get("/account/notifications").with(page)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(settings).contains("name=\"kind\" value=\"reviewDecided\"")
			.contains("阶段变更审核结果").contains("每日汇总一封邮件");
		mvc.perform(post("/account/notifications").with(page).with(csrf())
			.param("kind", "reviewAwaiting", "projectPeople", "clueAssigned", "clueSubmitted")
			.param("mail", "IMMEDIATE")).andExpect(redirectedUrl("/account/notifications"));
		assertThat(mvc.perform(get("/account/notifications").with(page)).andReturn().getResponse()
			.getContentAsString()).doesNotContain("value=\"reviewDecided\" id=\"kind-reviewDecided\" checked");

		long again = submitSigning(projectAccess.readable(p.id().value(), as(staff)), as(staff));
		reviewStageMove.execute(p.id().value(), again, true, null, as("city"));
		assertThat(jdbc.sql("SELECT stage FROM project WHERE id = ?").param(p.id().value()).query(String.class)
			.single()).isEqualTo("SIGNED");
		assertThat(notices(staff, link)).as("switched off: no notice of the approval").hasSize(1);
		assertThat(mails(staff)).hasSize(1);
		assertThat(notices(supervisor, "/projects/review")).as("the reviewers heard of the second submission")
			.hasSize(2);
	}

	@Test
	void a_clue_assignment_reaches_the_assignee_and_the_unit_managers_but_not_who_assigned_it() {
		long chain = jdbc.sql("SELECT MIN(id) FROM industry_chain").query(Long.class).single();
		var pooled = logClue.execute(new ClueDetails(Pages.unique("池中线索"), Pages.unique("某某") + "有限公司", null, chain,
				null, null, null, ClueSource.OTHER, null, null, null, null, null, null), as("city"));
		String link = "/clues/" + pooled.id().value();
		assertThat(notices(staff, link)).isEmpty();

		assignClue.execute(pooled.id().value(), unit, staff.value(), "对口县区", as("city"));
		assertThat(notices(staff, link)).singleElement()
			.satisfies(n -> assertThat(n).startsWith("clue.notice.assigned | 线索“" + pooled.title() + "”已分配给您")
				.contains("对口县区"));
		assertThat(notices(manager, link)).singleElement()
			.satisfies(n -> assertThat(n).startsWith("clue.notice.assignedUnit"));
		assertThat(mails(staff)).singleElement().satisfies(m -> assertThat(m).contains(pooled.title()));
		assertThat(mails(manager)).hasSize(1);

		// the manager reassigns it to themself: the staff member is not told, the manager acted
		assignClue.execute(pooled.id().value(), unit, manager.value(), null, as(manager));
		assertThat(notices(manager, link)).hasSize(1);
		assertThat(notices(staff, link)).hasSize(1);

		// the city bureau gives it back to the staff member: a reassignment
		assignClue.execute(pooled.id().value(), unit, staff.value(), null, as("city"));
		assertThat(notices(staff, link)).hasSize(2).last().asString().startsWith("clue.notice.reassigned |");

		// a clue logged with an assignee is assigned too
		var logged = logClue.execute(new ClueDetails(Pages.unique("新线索"), Pages.unique("某某") + "有限公司", null, chain,
				null, null, null, ClueSource.OTHER, null, null, unit, staff.value(), null, null), as(manager));
		assertThat(notices(staff, "/clues/" + logged.id().value())).singleElement()
			.satisfies(n -> assertThat(n).startsWith("clue.notice.assigned"));
	}

	@Test
	void an_intermediary_clue_reaches_the_receiving_unit_managers_and_a_new_project_leader_is_told() {
		String agency = Pages.unique("a");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (?, ?, 'INTERMEDIARY')").params(agency, agency)
			.update(keys, "id");
		jdbc.sql("INSERT INTO unit_entrustment (intermediary_unit_id, unit_id) VALUES (?, ?)")
			.params(keys.getKey().longValue(), unit)
			.update();
		UserId agent = TestUsers.create(jdbc, "INTERMEDIARY", agency, null, "zh-CN");
		long chain = jdbc.sql("SELECT MIN(id) FROM industry_chain").query(Long.class).single();
		var submitted = submitClue.execute(new ClueDetails(Pages.unique("中介线索"), Pages.unique("某某") + "有限公司", null,
				chain, null, null, null, ClueSource.INTERMEDIARY, null, "浙江商会", unit, null, null, null), as(agent));
		String link = "/clues/" + submitted.id().value();
		assertThat(notices(manager, link)).singleElement()
			.satisfies(n -> assertThat(n).startsWith("clue.notice.submitted").contains("浙江商会"));
		assertThat(mails(manager)).singleElement().satisfies(m -> assertThat(m).contains(submitted.title()));
		assertThat(notices(staff, link)).isEmpty();

		// the staff member's people record is linked to their account; the manager makes them the project's leader
		var person = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, user_id) VALUES (?, ?, 'STAFF', ?)")
			.params(unit, Pages.unique("人"), staff.value())
			.update(person, "id");
		CurrentUser managerUser = as(manager);
		Project p = createProject.execute(details(Pages.unique("领导变更项目"), null, null), managerUser);
		Project current = projectAccess.readable(p.id().value(), managerUser);
		editProject.execute(p.id().value(), new ProjectDetails(current.name(), Pages.unique("投资") + "有限公司", null, unit,
				null, null, jdbc.sql("SELECT MIN(id) FROM industry_chain").query(Long.class).single(), null,
				ProjectType.NEW, null, new BigDecimal("5000"), null, null, null, null, null, null, false,
				person.getKey().longValue(), null, null, null, current.version()), managerUser);
		assertThat(notices(staff, "/projects/" + p.id().value())).singleElement()
			.satisfies(n -> assertThat(n).startsWith("project.notice.leader").contains(p.code()));
		assertThat(mails(staff)).singleElement().satisfies(m -> assertThat(m).contains("责任领导"));
	}
}
