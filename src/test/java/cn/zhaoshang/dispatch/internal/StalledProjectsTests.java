package cn.zhaoshang.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.dispatch.DispatchRoundClosed;
import cn.zhaoshang.dispatch.DispatchRoundId;
import cn.zhaoshang.dispatch.DispatchRoundReopened;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

/**
 * Stalled projects end to end on a real database: rounds closed (facts frozen by the round's own freeze), the rule
 * applied on the close and reopen events, the stalled list and the ledger's mark, the scope of a unit's reader,
 * interviews recorded and watched in the next round, the interview list's exports. Rounds lie in 2031, where the
 * demo data has no stage moves or funds, so each project's facts are the ones this test writes. Each test rolls back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class StalledProjectsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundStore rounds;

	@Autowired
	ScopeStore scope;

	@Autowired
	StalledProjects stalled;

	@Autowired
	ApplicationEventPublisher events;

	long a;

	long b;

	long c;

	long qingfengProject;

	long r1;

	long r2;

	@BeforeEach
	void twoRounds() {
		List<Long> hualong = jdbc.sql("""
				SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE u.code = 'hualong' AND p.status = 'ACTIVE' AND p.stage <> 'IN_PRODUCTION'
				ORDER BY p.id FETCH FIRST 3 ROWS ONLY""").query(Long.class).list();
		a = hualong.get(0);
		b = hualong.get(1);
		c = hualong.get(2);
		qingfengProject = jdbc.sql("""
				SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE u.code = 'qingfeng' AND p.status = 'ACTIVE' ORDER BY p.id FETCH FIRST 1 ROWS ONLY""")
			.query(Long.class).single();
		r1 = round("2031年第1次（1-2月）项目调度", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 2, 28), a, b,
				qingfengProject);
		close(r1);
		// b has funds in place in March: progress in round 2; c entered scope in round 2
		funds(b, LocalDate.of(2031, 3, 1), "100.00");
		r2 = round("2031年第2次（3-4月）项目调度", LocalDate.of(2031, 3, 1), LocalDate.of(2031, 4, 30), a, b, c,
				qingfengProject);
		close(r2);
	}

	long round(String name, LocalDate from, LocalDate to, long... projects) {
		long id = rounds.insert(name, from, to, to.plusDays(5), null, "李明", "city", Instant.now());
		for (long p : projects) {
			long unit = jdbc.sql("SELECT unit_id FROM project WHERE id = :id").param("id", p).query(Long.class).single();
			scope.add(id, p, unit, Instant.now());
		}
		return id;
	}

	void close(long id) {
		rounds.close(id, "city", Instant.now());
		scope.freeze(rounds.find(id).orElseThrow());
		events.publishEvent(new DispatchRoundClosed(new DispatchRoundId(id)));
	}

	void funds(long project, LocalDate month, String amount) {
		jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (:p, :m, :a)")
			.param("p", project).param("m", month).param("a", new BigDecimal(amount)).update();
	}

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	int mark(long project) {
		return jdbc.sql("SELECT stalled_rounds FROM project WHERE id = :id").param("id", project).query(Integer.class)
			.single();
	}

	@Test
	void two_silent_rounds_make_a_project_stalled_on_the_list_and_in_the_ledger() throws Exception {
		mvc.perform(get("/api/v1/stalled-projects").param("round", String.valueOf(r2)).with(as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stalledAfterRounds").value(2))
			.andExpect(jsonPath("$.items[?(@.projectId == " + a + ")].roundsWithoutProgress").value(2))
			.andExpect(jsonPath("$.items[?(@.projectId == " + a + ")].rounds[0].id").value((int) r2))
			.andExpect(jsonPath("$.items[?(@.projectId == " + a + ")].rounds[1].id").value((int) r1))
			.andExpect(jsonPath("$.items[?(@.projectId == " + b + ")]").isEmpty())
			.andExpect(jsonPath("$.items[?(@.projectId == " + c + ")]").isEmpty())
			.andExpect(jsonPath("$.items[?(@.projectId == " + qingfengProject + ")].unitName").value("清丰县"));
		// round 1 alone: nobody stalled yet
		mvc.perform(get("/api/v1/stalled-projects").param("round", String.valueOf(r1)).with(as("city")))
			.andExpect(jsonPath("$.items").isEmpty());

		assertThat(mark(a)).isEqualTo(2);
		assertThat(mark(b)).isZero();
		assertThat(mark(c)).as("entered scope mid-way: one round counts").isEqualTo(1);
		mvc.perform(get("/api/v1/projects").param("stalled", "true").param("size", "200").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + a + ")].stalled").value(true))
			.andExpect(jsonPath("$.items[?(@.id == " + a + ")].stalledRounds").value(2))
			.andExpect(jsonPath("$.items[?(@.id == " + b + ")]").isEmpty())
			.andExpect(jsonPath("$.items[?(@.id == " + c + ")]").isEmpty());
		String ledger = mvc.perform(get("/projects").param("stalled", "true").with(as("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ledger).contains("badge-stalled", "仅看停滞项目");
		String detail = mvc.perform(get("/projects/" + c).with(as("city")))
			.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("badge-no-progress", "无明显进展");
	}

	@Test
	void applying_the_rule_again_changes_nothing() {
		assertThat(stalled.refresh()).isZero();
		assertThat(mark(a)).isEqualTo(2);
	}

	@Test
	void a_reopened_round_counts_for_nothing_until_closed_again() throws Exception {
		rounds.reopen(r2, "补报", Instant.now());
		scope.unfreeze(r2);
		events.publishEvent(new DispatchRoundReopened(new DispatchRoundId(r2), "补报"));
		assertThat(mark(a)).isEqualTo(1);
		assertThat(mark(c)).isZero();
		mvc.perform(get("/api/v1/stalled-projects").param("round", String.valueOf(r2)).with(as("city")))
			.andExpect(jsonPath("$.items").isEmpty());

		// a stage-less month of funds for a meanwhile: closed again, a shows progress
		funds(a, LocalDate.of(2031, 4, 1), "0.50");
		close(r2);
		assertThat(mark(a)).isZero();
		assertThat(mark(c)).isEqualTo(1);
	}

	@Test
	void a_unit_sees_its_own_stalled_projects_only() throws Exception {
		mvc.perform(get("/api/v1/stalled-projects").param("round", String.valueOf(r2)).with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.projectId == " + a + ")]").isNotEmpty())
			.andExpect(jsonPath("$.items[?(@.projectId == " + qingfengProject + ")]").isEmpty());
		mvc.perform(get("/api/v1/stalled-projects").param("round", String.valueOf(r2)).with(as("qingfeng")))
			.andExpect(jsonPath("$.items[?(@.projectId == " + a + ")]").isEmpty());
		mvc.perform(get("/api/v1/stalled-projects").param("round", "0").with(as("city")))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_city_bureau_records_an_interview_and_the_next_round_watches_the_project() throws Exception {
		String body = """
				{"roundId": %d, "projectId": %d, "date": "2026-11-20", "interviewer": "李明",
				 "interviewees": "华龙区分管副区长", "commitments": "12月底前完成土地摘牌"}""".formatted(r2, a);
		mvc.perform(post("/api/v1/stalled-projects/interviews").with(as("hualong")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/stalled-projects/interviews").with(as("city")).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.projectId").value((int) a))
			.andExpect(jsonPath("$.watchRoundId").doesNotExist());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatch_interview'")
			.query(Long.class).single()).isPositive();

		// not stalled: refused, nothing stored
		long before = jdbc.sql("SELECT COUNT(*) FROM dispatch_interview").query(Long.class).single();
		mvc.perform(post("/api/v1/stalled-projects/interviews").with(as("city")).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(String.valueOf(a), String.valueOf(b))))
			.andExpect(status().isUnprocessableEntity());
		// a date in the future: the field is named
		mvc.perform(post("/api/v1/stalled-projects/interviews").with(as("city")).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("2026-11-20", "2099-01-01")))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("date"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_interview").query(Long.class).single()).isEqualTo(before);

		// the page form, with its CSRF token
		mvc.perform(post("/dispatch/stalled/interviews").with(as("city")).with(csrf())
			.param("round", String.valueOf(r2)).param("projectId", String.valueOf(a)).param("date", "2026-11-21")
			.param("interviewer", "李明").param("interviewees", "华龙区副区长").param("commitments", "按期开工"))
			.andExpect(status().is3xxRedirection());

		long r3 = round("2031年第3次（5-6月）项目调度", LocalDate.of(2031, 5, 1), LocalDate.of(2031, 6, 30), a);
		String page = mvc.perform(get("/dispatch/stalled").param("round", String.valueOf(r3)).with(as("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("watched-list", "12月底前完成土地摘牌", "停滞项目");
		mvc.perform(get("/api/v1/stalled-projects/interviews").param("round", String.valueOf(r2)).with(as("city")))
			.andExpect(jsonPath("$.items[?(@.project.projectId == " + a + ")].interviews.length()").value(2))
			.andExpect(jsonPath("$.items[?(@.project.projectId == " + a + ")].interviews[0].watchRoundId")
				.value((int) r3));
	}

	@Test
	void the_interview_list_exports_as_word_and_excel() throws Exception {
		String name = jdbc.sql("SELECT name FROM project WHERE id = :id").param("id", a).query(String.class).single();
		byte[] docx = mvc.perform(get("/dispatch/stalled/interviews.docx").param("round", String.valueOf(r2))
			.with(as("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("约谈名单", name, "华龙区", "2031年第2次（3-4月）项目调度", "尚未约谈");
			assertThat(doc.getTables()).hasSize(1);
		}
		byte[] xlsx = mvc.perform(get("/api/v1/stalled-projects/interviews.xlsx").param("round", String.valueOf(r2))
			.with(as("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("项目名称");
			boolean found = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				found |= name.equals(sheet.getRow(r).getCell(3).getStringCellValue());
			}
			assertThat(found).isTrue();
		}
		String page = mvc.perform(get("/dispatch/stalled/interviews").param("round", String.valueOf(r2))
			.with(as("city"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(name, "记录约谈", "interview-form-" + a);
	}
}
