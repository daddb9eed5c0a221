package cn.zhaoshang.service.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 14's materials, approvals and evaluation end to end on H2 and PostgreSQL with the demo accounts' tokens: a
 * project's checklist with two items accepted on commitment, one overdue and flagged once to the chief attendant by
 * the daily job; an approval past its statutory limit counted in days; the median days per kind; a project failing
 * the tax-per-亩 threshold with its reasons, and signing refused while 华龙区 requires a passed evaluation.
 */
@SpringBootTest
class ServiceApprovalApiTests extends ApiTestSupport {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	CommitmentReminders reminders;

	@Test
	void checklist_with_commitments_flags_the_overdue_one_to_the_chief_attendant_once() throws Exception {
		long id = project("hualong", "SIGNED", 100, 20000, 800);
		LocalDate today = LocalDate.now();
		String url = "/api/v1/projects/" + id + "/materials";
		// the standard list of a NEW project, nothing handed in yet
		as("hualong", get(url)).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.items.length()").value(7))
			.andExpect(jsonPath("$.items[0].name").value("项目备案申请表"))
			.andExpect(jsonPath("$.items[0].status").value("PENDING"));
		// the city pool is readable by every county; only the landing unit (and the bureau) edit
		as("qingfeng", get(url)).andExpect(status().isOk());
		as("agent", get(url)).andExpect(status().isForbidden());

		var items = List.of(item("项目备案申请表", "SUBMITTED", null, null),
				item("用地预审意见", "MISSING_COMMITTED", "用地预审意见原件", today.minusDays(3)),
				item("节能报告", "MISSING_COMMITTED", "节能报告", today.plusDays(10)),
				item("投资协议", "DONE", null, null));
		// a commitment without what or when is refused naming the row and field
		as("hualong", put(url).contentType(MediaType.APPLICATION_JSON).content(write(Map.of("version", 0,
				"items", List.of(item("节能报告", "MISSING_COMMITTED", " ", null))))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("items[0].commitment"))
			.andExpect(jsonPath("$.errors[1].field").value("items[0].promisedDate"));
		for (String other : List.of("viewer", "qingfeng")) {
			as(other, put(url).contentType(MediaType.APPLICATION_JSON)
				.content(write(Map.of("version", 0, "items", items)))).andExpect(status().isForbidden());
		}
		as("hualong", put(url).contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", 0, "items", items))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.submitted").value(1))
			.andExpect(jsonPath("$.committed").value(2))
			.andExpect(jsonPath("$.done").value(1))
			.andExpect(jsonPath("$.overdue").value(1))
			.andExpect(jsonPath("$.items[?(@.name == '用地预审意见')].overdueDays").value(3))
			.andExpect(jsonPath("$.items[?(@.name == '节能报告')].overdue").value(false));
		// the same version again is stale
		as("hualong", put(url).contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", 0, "items", items)))).andExpect(status().isConflict());

		// the daily job tells the chief attendant (张伟, account hualong) once
		long before = notices("hualong", id);
		assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
		assertThat(notices("hualong", id)).isEqualTo(before + 1);
		reminders.remind();
		assertThat(notices("hualong", id)).isEqualTo(before + 1);
		as("hualong", get(url)).andExpect(jsonPath("$.items[?(@.name == '用地预审意见')].flaggedOn")
			.value(today.toString()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'projectMaterials' AND record_id = :id"
				+ " AND action = 'FLAG'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void an_approval_past_its_limit_counts_the_days_and_medians_come_per_kind_and_unit() throws Exception {
		long id = project("hualong", "SIGNED", 100, 20000, 800);
		LocalDate today = LocalDate.now();
		String url = "/api/v1/projects/" + id + "/approvals";
		var late = new LinkedHashMap<String, Object>(Map.of("kind", "FIRE", "agency", "华龙区住房和城乡建设局",
				"submitted", today.minusDays(30).toString(), "limitDays", 20));
		as("leader", post(url).contentType(MediaType.APPLICATION_JSON).content(write(late)))
			.andExpect(status().isForbidden());
		as("hualong", post(url).contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("kind", "FIRE", "submitted", today.plusDays(1).toString(), "limitDays", 0))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("agency"))
			.andExpect(jsonPath("$.errors[1].field").value("submitted"))
			.andExpect(jsonPath("$.errors[2].field").value("limitDays"))
			.andExpect(jsonPath("$.errors[2].message").value(containsString("1 到 3650")));
		String created = body(as("hualong", post(url).contentType(MediaType.APPLICATION_JSON).content(write(late)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.due").value(today.minusDays(10).toString()))
			.andExpect(jsonPath("$.overdue").value(true))
			.andExpect(jsonPath("$.overdueDays").value(10))
			.andExpect(jsonPath("$.daysTaken").value(30))
			.andReturn());
		long approval = ((Number) JsonPath.read(created, "$.id")).longValue();
		// within its limit: not overdue
		as("hualong", post(url).contentType(MediaType.APPLICATION_JSON).content(write(Map.of("kind", "LAND",
				"agency", "濮阳市自然资源和规划局", "submitted", today.minusDays(5).toString(), "limitDays", 20))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.overdue").value(false));
		as("hualong", get(url)).andExpect(jsonPath("$.overdue").value(1)).andExpect(jsonPath("$.items.length()").value(2));
		// approved 4 days late: took 24 days, stays counted as late
		var done = new LinkedHashMap<String, Object>(late);
		done.put("approved", today.minusDays(6).toString());
		done.put("version", 0);
		as("hualong", put(url + "/" + approval).contentType(MediaType.APPLICATION_JSON).content(write(done)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.daysTaken").value(24))
			.andExpect(jsonPath("$.overdueDays").value(4))
			.andExpect(jsonPath("$.version").value(1));
		as("hualong", put(url + "/" + approval).contentType(MediaType.APPLICATION_JSON).content(write(done)))
			.andExpect(status().isConflict());
		// medians: 华龙区's FIRE approvals include this one
		String medians = body(as("city", get("/api/v1/approvals/medians?unitId=" + Demo.unit(jdbc, "hualong")))
			.andExpect(status().isOk()).andReturn());
		List<Object> fire = JsonPath.read(medians, "$.items[?(@.kind == 'FIRE')].count");
		assertThat(fire).hasSize(1);
		as("city", get("/api/v1/approvals/medians.xlsx")).andExpect(status().isOk());
	}

	@Test
	void a_project_failing_tax_per_mu_shows_why_and_cannot_sign_where_the_unit_requires_a_pass() throws Exception {
		// 华龙区 (demo thresholds): at least 300 万元 and 15 万元 tax per 亩; the bureau requires a pass before signing
		required(true);
		try {
			signingNeedsAPass();
		}
		finally {
			required(false);
		}
	}

	/** Sets 华龙区's "pass required before signing" through the API (the demo leaves it off for other tests). */
	void required(boolean on) throws Exception {
		long unit = Demo.unit(jdbc, "hualong");
		String list = body(as("city", get("/api/v1/evaluation-thresholds")).andReturn());
		List<Integer> versions = JsonPath.read(list, "$.items[?(@.unitId == " + unit + ")].version");
		int version = versions.get(0);
		var body = new LinkedHashMap<String, Object>(Map.of("unitId", unit, "minInvestmentPerMu", 300, "minTaxPerMu", 15,
				"maxEnergyPerOutput", 0.4, "minJobs", 100, "conditionalCategories", List.of("REPORT_BOOK"),
				"requiredBeforeSigning", on, "version", version));
		as("city", put("/api/v1/evaluation-thresholds").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.thresholds.requiredBeforeSigning").value(on));
	}

	void signingNeedsAPass() throws Exception {
		long id = project("hualong", "NEGOTIATING", 100, 40000, 800);
		as("hualong", get("/api/v1/projects/" + id + "/evaluation")).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("FAIL"))
			.andExpect(jsonPath("$.requiredBeforeSigning").value(true))
			.andExpect(jsonPath("$.checks[1].indicator").value("TAX_PER_MU"))
			.andExpect(jsonPath("$.checks[1].value").value(8.0))
			.andExpect(jsonPath("$.checks[1].result").value("FAIL"))
			.andExpect(jsonPath("$.reasons[0]").value(containsString("亩均税收")))
			.andExpect(jsonPath("$.reasons[0]").value(containsString("低于华龙区门槛（第 ")))
			.andExpect(jsonPath("$.reasons[0]").value(containsString(" 15.00")));
		long contract = id(body(as("hualong", multipart("/api/v1/attachments").file(pdf()).param("evidenceKind",
				"CONTRACT")).andExpect(status().isCreated()).andReturn()));
		var sign = Map.of("to", "SIGNED", "date", LocalDate.now().toString(), "contractType", "FORMAL_CONTRACT",
				"contractedInvestment", 40000, "evidenceIds", List.of(contract));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(sign)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("evaluation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("亩均税收")));
		// the energy and category recorded: the evaluation still fails on tax; enough tax lets it sign
		as("viewer", put("/api/v1/projects/" + id + "/evaluation").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("energyTce", 1000)))).andExpect(status().isForbidden());
		as("hualong", put("/api/v1/projects/" + id + "/evaluation").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("energyTce", 1000, "envCategory", "REPORT_FORM"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.envCategory").value("REPORT_FORM"))
			.andExpect(jsonPath("$.result").value("FAIL"));
		jdbc.sql("UPDATE project SET annual_tax = 2000 WHERE id = :id").param("id", id).update();
		as("hualong", get("/api/v1/projects/" + id + "/evaluation")).andExpect(jsonPath("$.result").value("PASS"));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(sign))).andExpect(status().isCreated());
	}

	@Test
	void thresholds_are_the_city_bureaus() throws Exception {
		long unit = Demo.unit(jdbc, "nanle");
		var body = Map.of("unitId", unit, "minInvestmentPerMu", 250, "minTaxPerMu", 12, "requiredBeforeSigning", true);
		as("hualong", put("/api/v1/evaluation-thresholds").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isForbidden());
		String list = body(as("city", get("/api/v1/evaluation-thresholds")).andReturn());
		List<Integer> versions = JsonPath.read(list, "$.items[?(@.unitId == " + unit + ")].version");
		var withVersion = new LinkedHashMap<String, Object>(body);
		if (!versions.isEmpty()) {
			withVersion.put("version", versions.get(0));
		}
		as("city", put("/api/v1/evaluation-thresholds").contentType(MediaType.APPLICATION_JSON)
			.content(write(withVersion)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.thresholds.minTaxPerMu").value(12))
			.andExpect(jsonPath("$.thresholds.requiredBeforeSigning").value(true));
		as("city", put("/api/v1/evaluation-thresholds").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("unitId", unit, "minTaxPerMu", -1, "version", 99))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("minTaxPerMu"));
	}

	static Map<String, Object> item(String name, String status, String commitment, LocalDate promised) {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("status", status);
		m.put("commitment", commitment);
		m.put("promisedDate", promised == null ? null : promised.toString());
		return m;
	}

	long notices(String user, long projectId) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND link = :l")
			.param("u", Demo.user(jdbc, user))
			.param("l", "/projects/" + projectId)
			.query(Long.class)
			.single();
	}

	/** A NEW project of the unit, chief attendant 张伟 (account hualong), with its land, investment and tax. */
	long project(String unitCode, String stage, int landMu, int investment, int tax) {
		long unit = Demo.unit(jdbc, unitCode);
		long chain = Demo.chain(jdbc, "chemical");
		String code = "SVC-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
		String investor = "服务测试投资" + code;
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", investor).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", investor).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, types, stage,
				    status, planned_investment, land_need_mu, annual_tax, annual_output, jobs, signed_date,
				    chief_attendant_id, chief_attendant_name)
				VALUES (:code, :name, :m, :investor, :u, :chain, 'NEW', 'NEW', :stage, 'ACTIVE', :inv, :land, :tax,
				    30000, 200, :signed, (SELECT id FROM person WHERE name = '张伟'), '张伟')""")
			.param("code", code)
			.param("m", merchant)
			.param("investor", investor)
			.param("name", "服务项目" + code)
			.param("u", unit)
			.param("chain", chain)
			.param("stage", stage)
			.param("inv", investment)
			.param("land", landMu)
			.param("tax", tax)
			.param("signed", "SIGNED".equals(stage) ? LocalDate.now().minusDays(60) : null)
			.update();
		return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
	}

	static MockMultipartFile pdf() {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return new MockMultipartFile("file", "合同.pdf", "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII));
	}

	static long id(String body) {
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	String write(Object o) {
		return json.writeValueAsString(o);
	}

}
