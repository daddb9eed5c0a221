package cn.zhaoshang.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.CreditShares;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Positioning, candidates, transfers, benefit-sharing agreements and the benefit ledger through {@code /api/v1}: a
 * 清丰县 project in 化工 is outside its positioning and recommended to the chemical counties with reasons; the bureau
 * proposes, the receiving unit accepts, the project moves with its code, the shares split and both units' ledgers
 * and the supervision figures credit both; declines, stale versions, scope refusals, a project that already had
 * shares, the bureau's agreement edit and a clue's transfer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AllocationApiTests extends ApiTestSupport {

	static final String DEMO_HASH = "{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e";

	@Autowired
	Clock clock;

	@Autowired
	CreditShares creditShares;

	@Autowired
	AccountUserDetailsService accounts;

	String etdz;

	@BeforeEach
	void setUp() {
		etdz = Pages.unique("etdz");
		jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale) "
				+ "VALUES (?, ?, ?, 'UNIT_MANAGER', (SELECT id FROM unit WHERE code = 'etdz'), 'zh-CN')")
			.params(etdz, DEMO_HASH, "马超")
			.update();
	}

	ResultActions send(String user, AbstractMockHttpServletRequestBuilder<?> request, Object body) throws Exception {
		return as(user, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	/** A new active project of the unit in the chain, with its default share, its needs and this year's funds. */
	long project(String unitCode, String chainCode, String funds) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, contracted_investment, land_need_mu, factory_need_m2, signed_date,
				    contract_type)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '流转测试投资有限公司', ?, ?, 'NEW', 'SIGNED', 'ACTIVE',
				    8000, 5000, 120, 6000, ?, 'FORMAL_CONTRACT')""")
			.params(Pages.unique("AL"), Pages.unique("流转测试项目"), unit(unitCode), Demo.chain(jdbc, chainCode),
					LocalDate.now(clock).withDayOfMonth(1))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share) VALUES (?, ?, 10000, TRUE)")
			.params(id, unit(unitCode))
			.update();
		if (funds != null) {
			jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (?, ?, ?)")
				.params(id, LocalDate.now(clock).withDayOfMonth(1), new BigDecimal(funds))
				.update();
		}
		return id;
	}

	Map<String, Object> proposal(Long projectId, Long clueId, long to, String share, int years) {
		var m = new LinkedHashMap<String, Object>();
		m.put("projectId", projectId);
		m.put("clueId", clueId);
		m.put("toUnitId", to);
		m.put("reason", "项目属化工产业，清丰县不具备化工园区条件");
		m.put("introducerShare", new BigDecimal(share));
		m.put("years", years);
		return m;
	}

	@Test
	void positioning_is_read_by_all_and_written_by_the_bureau_or_the_unit_s_manager() throws Exception {
		long qingfeng = unit("qingfeng");
		var read = as("viewer", get("/api/v1/units/" + qingfeng + "/positioning")).andExpect(status().isOk())
			.andExpect(jsonPath("$.primaryChainIds[0]").value(Demo.chain(jdbc, "smart-home")))
			.andReturn();
		int version = JsonPath.read(body(read), "$.version");
		var body = new LinkedHashMap<String, Object>();
		body.put("primaryChainIds", List.of(Demo.chain(jdbc, "smart-home")));
		body.put("secondaryChainIds", List.of(Demo.chain(jdbc, "green-food"), Demo.chain(jdbc, "down")));
		body.put("netLandMu", new BigDecimal("900.5"));
		body.put("factoryM2", 150000);
		body.put("parks", "清丰县产业集聚区");
		body.put("version", version);
		send("hualong", put("/api/v1/units/" + qingfeng + "/positioning"), body).andExpect(status().isForbidden());
		var bad = new LinkedHashMap<>(body);
		bad.put("secondaryChainIds", List.of(Demo.chain(jdbc, "smart-home")));
		bad.put("netLandMu", -1);
		send("qingfeng", put("/api/v1/units/" + qingfeng + "/positioning"), bad).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'secondaryChainIds')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'netLandMu')]").exists());
		send("qingfeng", put("/api/v1/units/" + qingfeng + "/positioning"), body).andExpect(status().isOk())
			.andExpect(jsonPath("$.secondaryChainIds.length()").value(2))
			.andExpect(jsonPath("$.netLandMu").value(900.5))
			.andExpect(jsonPath("$.version").value(version + 1));
		send("city", put("/api/v1/units/" + qingfeng + "/positioning"), body).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'unitPositioning' AND record_id = ?")
			.param(String.valueOf(qingfeng))
			.query(Long.class)
			.single()).isPositive();
		// put it back for the other tests
		body.put("secondaryChainIds", List.of(Demo.chain(jdbc, "green-food")));
		body.put("netLandMu", 950);
		body.put("factoryM2", 160000);
		body.put("version", version + 1);
		send("city", put("/api/v1/units/" + qingfeng + "/positioning"), body).andExpect(status().isOk());
	}

	@Test
	void a_qingfeng_chemical_project_is_recommended_to_the_chemical_units_moved_and_credited_to_both() throws Exception {
		long project = project("qingfeng", "chemical", "1234.57");
		long qingfeng = unit("qingfeng");
		long etdzUnit = unit("etdz");
		String code = jdbc.sql("SELECT code FROM project WHERE id = ?").param(project).query(String.class).single();

		var candidates = as("qingfeng", get("/api/v1/projects/" + project + "/allocation-candidates"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outsidePositioning").value(true))
			.andReturn();
		List<Integer> ids = JsonPath.read(body(candidates), "$.items[*].unitId");
		List<String> tiers = JsonPath.read(body(candidates), "$.items[*].positioning");
		List<Integer> scores = JsonPath.read(body(candidates), "$.items[*].score");
		assertThat(ids).doesNotContain((int) qingfeng)
			.contains((int) etdzUnit, (int) unit("puyang"), (int) unit("fanxian"), (int) unit("park"));
		assertThat(tiers.subList(0, 4)).containsOnly("PRIMARY");
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		String reason = JsonPath.read(body(candidates), "$.items[0].reasons[0].text");
		assertThat(reason).contains("首位主导产业").contains("+50");
		as("hualong", get("/api/v1/projects/999999/allocation-candidates")).andExpect(status().isNotFound());

		// another county may not propose qingfeng's project; the bureau may
		send("hualong", post("/api/v1/transfers"), proposal(project, null, etdzUnit, "30", 3))
			.andExpect(status().isForbidden());
		send("city", post("/api/v1/transfers"), proposal(project, null, qingfeng, "30", 3))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("toUnitId"));
		send("city", post("/api/v1/transfers"), proposal(project, null, etdzUnit, "100", 0))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'introducerShare')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'years')]").exists());
		var figuresBefore = figures();
		var created = send("city", post("/api/v1/transfers"), proposal(project, null, etdzUnit, "30", 3))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andExpect(jsonPath("$.fromUnitId").value(qingfeng))
			.andExpect(jsonPath("$.introducerShare").value(30.0))
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		send("city", post("/api/v1/transfers"), proposal(project, null, unit("puyang"), "30", 3))
			.andExpect(status().isUnprocessableContent());
		// the receiving unit's manager was told
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.recipient_id "
				+ "WHERE u.username = ? AND n.link = ?")
			.params(etdz, "/allocation/transfers/" + transfer)
			.query(Long.class)
			.single()).isEqualTo(1);

		// only the receiving unit (or the bureau) decides
		send("qingfeng", post("/api/v1/transfers/" + transfer + "/accept"), Map.of()).andExpect(status().isForbidden());
		send(etdz, post("/api/v1/transfers/" + transfer + "/accept"), Map.of("reason", "经开区化工园区可承接"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.agreementId").isNumber());
		send(etdz, post("/api/v1/transfers/" + transfer + "/decline"), Map.of("reason", "x"))
			.andExpect(status().isConflict());

		// the project moved, kept its code, the introducer is qingfeng; the history has the audited unit change
		var row = jdbc.sql("SELECT code, unit_id, intro_unit_id FROM project WHERE id = ?").param(project).query().singleRow();
		assertThat(row.get("code")).isEqualTo(code);
		assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(etdzUnit);
		assertThat(((Number) row.get("intro_unit_id")).longValue()).isEqualTo(qingfeng);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = ? "
				+ "AND action IN ('UPDATE', 'CREDIT_SHARES')").param(String.valueOf(project)).query(Long.class).single())
			.as("the move, the shares of the term and the shares after it").isEqualTo(3);
		LocalDate today = LocalDate.now(clock);
		var inForce = creditShares.inForce(new ProjectId(project), today);
		assertThat(inForce).extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=3000", etdzUnit + "=7000");
		assertThat(creditShares.inForce(new ProjectId(project), today.minusDays(1)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactly(qingfeng + "=10000");
		assertThat(creditShares.inForce(new ProjectId(project), today.plusYears(3)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactly(etdzUnit + "=10000");

		// both ledgers: 30 % and 70 %, to the fen, nothing lost
		int year = today.getYear();
		var q = as("qingfeng", get("/api/v1/benefit-ledger?unit=" + qingfeng + "&year=" + year)).andExpect(status().isOk())
			.andReturn();
		var e = as("qingfeng", get("/api/v1/benefit-ledger?unit=" + etdzUnit + "&year=" + year)).andExpect(status().isOk())
			.andReturn();
		String qPath = "$.items[?(@.projectId == " + project + ")]";
		assertThat(JsonPath.<List<Object>>read(body(q), qPath + ".share")).containsExactly(30.0);
		assertThat(JsonPath.<List<Object>>read(body(q), qPath + ".fundsInPlace")).containsExactly(370.37);
		assertThat(JsonPath.<List<Object>>read(body(e), qPath + ".fundsInPlace")).containsExactly(864.20);
		assertThat(JsonPath.<List<Object>>read(body(q), qPath + ".contractedInvestment")).containsExactly(1500.0);
		assertThat(JsonPath.<List<Object>>read(body(e), qPath + ".contractedInvestment")).containsExactly(3500.0);

		// the supervision figures credit both units: qingfeng loses exactly what the zone gains
		var figuresAfter = figures();
		assertThat(figuresAfter.get(qingfeng).subtract(figuresBefore.get(qingfeng)))
			.isEqualByComparingTo("-864.20");
		assertThat(figuresAfter.get(etdzUnit).subtract(figuresBefore.getOrDefault(etdzUnit, BigDecimal.ZERO)))
			.isEqualByComparingTo("864.20");

		// the bureau alone changes the agreement; the shares follow
		long agreement = ((Number) JsonPath.read(body(as("city", get("/api/v1/transfers/" + transfer)).andReturn()),
				"$.agreementId")).longValue();
		var change = new LinkedHashMap<String, Object>();
		change.put("introducerShare", 40);
		change.put("years", 5);
		change.put("note", "市商务局协调调整");
		change.put("version", 0);
		send(etdz, put("/api/v1/benefit-agreements/" + agreement), change).andExpect(status().isForbidden());
		send("city", put("/api/v1/benefit-agreements/" + agreement), change).andExpect(status().isOk())
			.andExpect(jsonPath("$.introducerShare").value(40.0))
			.andExpect(jsonPath("$.validTo").value(today.plusYears(5).minusDays(1).toString()));
		send("city", put("/api/v1/benefit-agreements/" + agreement), change).andExpect(status().isConflict());
		assertThat(creditShares.inForce(new ProjectId(project), today.plusYears(4)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=4000", etdzUnit + "=6000");
		assertThat(creditShares.inForce(new ProjectId(project), today.minusDays(1)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactly(qingfeng + "=10000");

		// the list finds it by unit and status
		as("viewer", get("/api/v1/transfers?unit=" + qingfeng + "&status=ACCEPTED&q=" + code)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(transfer));
		as("agent", get("/api/v1/transfers")).andExpect(status().isForbidden());
	}

	/** Funds in place of this year per unit, from the supervision figures. */
	Map<Long, BigDecimal> figures() throws Exception {
		var r = as("city", get("/api/v1/supervision/figures?period=" + LocalDate.now(clock).getYear()))
			.andExpect(status().isOk())
			.andReturn();
		List<Map<String, Object>> rows = JsonPath.read(body(r), "$.rows");
		Map<Long, BigDecimal> out = new HashMap<>();
		for (var row : rows) {
			out.put(((Number) row.get("unitId")).longValue(), new BigDecimal(row.get("fundsInPlace").toString()));
		}
		return out;
	}

	@Test
	void a_project_that_already_has_shares_keeps_the_third_unit_s_part() throws Exception {
		long project = project("qingfeng", "chemical", "100.01");
		long qingfeng = unit("qingfeng");
		long nanle = unit("nanle");
		long puyang = unit("puyang");
		LocalDate today = LocalDate.now(clock);
		creditShares.set(new ProjectId(project), today.withDayOfYear(1),
				List.of(new CreditShares.NewShare(new UnitId(qingfeng), 6000), new CreditShares.NewShare(new UnitId(nanle), 4000)),
				"earlier agreement", Demo.signIn(accounts, "city"));
		SecurityContextHolder.clearContext();
		var created = send("qingfeng", post("/api/v1/transfers"), proposal(project, null, puyang, "25", 2))
			.andExpect(status().isCreated())
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		send("city", post("/api/v1/transfers/" + transfer + "/accept"), Map.of("reason", "市商务局协调"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decidedByBureau").value(true));
		assertThat(creditShares.inForce(new ProjectId(project), today))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=1500", puyang + "=4500", nanle + "=4000");
		var ledger = as("city", get("/api/v1/benefit-ledger?year=" + today.getYear())).andExpect(status().isOk()).andReturn();
		List<Double> parts = JsonPath.read(body(ledger), "$.items[?(@.projectId == " + project + ")].fundsInPlace");
		// 100.01 over 15 % / 45 % / 40 %: 15.0015, 45.0045, 40.004 -> the fen left goes to the largest remainder
		// (45.01); nanle's 40.00 is not an agreement of this transfer
		assertThat(parts).containsExactlyInAnyOrder(15.0, 45.01);
	}

	/** The shares in force on a day, as "unit=basis points". */
	List<String> sharesOn(long project, LocalDate day) {
		return creditShares.inForce(new ProjectId(project), day).stream()
			.map(s -> s.unit().value() + "=" + s.basisPoints())
			.toList();
	}

	/** Proposes and accepts (as the bureau) a transfer of the project; its agreement's id. */
	long transferAccepted(long project, long to, String share, int years) throws Exception {
		var created = send("city", post("/api/v1/transfers"), proposal(project, null, to, share, years))
			.andExpect(status().isCreated())
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		send("city", post("/api/v1/transfers/" + transfer + "/accept"), Map.of("reason", "市商务局协调"))
			.andExpect(status().isOk());
		return ((Number) JsonPath.read(body(as("city", get("/api/v1/transfers/" + transfer)).andReturn()),
				"$.agreementId")).longValue();
	}

	void changeAgreement(long agreement, int share, int years) throws Exception {
		var read = as("city", get("/api/v1/benefit-agreements/" + agreement)).andExpect(status().isOk()).andReturn();
		var change = new LinkedHashMap<String, Object>();
		change.put("introducerShare", share);
		change.put("years", years);
		change.put("version", JsonPath.read(body(read), "$.version"));
		send("city", put("/api/v1/benefit-agreements/" + agreement), change).andExpect(status().isOk());
	}

	/**
	 * A project passed on twice (清丰县 → 经开区 → 濮阳县) carries two agreements; the bureau's edit of either keeps
	 * the other's effect: the shares are those of both agreements applied in order, whichever was changed last.
	 */
	@Test
	void editing_one_of_a_project_s_agreements_keeps_the_effect_of_the_others() throws Exception {
		long project = project("qingfeng", "chemical", null);
		long qingfeng = unit("qingfeng");
		long zone = unit("etdz");
		long puyang = unit("puyang");
		LocalDate today = LocalDate.now(clock);
		long first = transferAccepted(project, zone, "30", 3);
		long second = transferAccepted(project, puyang, "40", 2);
		// 经开区 keeps 40 % of its 70 %; 濮阳县 gets the rest; 清丰县's 30 % is untouched
		assertThat(sharesOn(project, today)).containsExactlyInAnyOrder(qingfeng + "=3000", zone + "=2800",
				puyang + "=4200");

		// the earlier agreement changes: 清丰县 keeps 50 %, and the later agreement still splits 经开区's part
		changeAgreement(first, 50, 3);
		assertThat(sharesOn(project, today)).containsExactlyInAnyOrder(qingfeng + "=5000", zone + "=2000",
				puyang + "=3000");

		// the later agreement changes: the earlier one's 50 % stays
		changeAgreement(second, 50, 2);
		assertThat(sharesOn(project, today)).containsExactlyInAnyOrder(qingfeng + "=5000", zone + "=2500",
				puyang + "=2500");
		assertThat(sharesOn(project, today.plusYears(2))).as("after the later term, before the earlier one's end")
			.containsExactlyInAnyOrder(qingfeng + "=5000", puyang + "=5000");
		assertThat(sharesOn(project, today.plusYears(3))).containsExactly(puyang + "=10000");
		assertThat(sharesOn(project, today.minusDays(1))).containsExactly(qingfeng + "=10000");

		// a longer earlier term reaches past the later one's, and the later one's change keeps it
		changeAgreement(first, 50, 5);
		changeAgreement(second, 60, 2);
		assertThat(sharesOn(project, today)).containsExactlyInAnyOrder(qingfeng + "=5000", zone + "=3000",
				puyang + "=2000");
		assertThat(sharesOn(project, today.plusYears(4))).containsExactlyInAnyOrder(qingfeng + "=5000",
				puyang + "=5000");
		assertThat(sharesOn(project, today.plusYears(5))).containsExactly(puyang + "=10000");
	}

	@Test
	void a_declined_transfer_needs_a_reason_and_moves_nothing_and_a_clue_moves_on_acceptance() throws Exception {
		long project = project("qingfeng", "chemical", null);
		long fanxian = unit("fanxian");
		var created = send("qingfeng", post("/api/v1/transfers"), proposal(project, null, unit("etdz"), "20", 3))
			.andExpect(status().isCreated())
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		send(etdz, post("/api/v1/transfers/" + transfer + "/decline"), Map.of("reason", " "))
			.andExpect(status().isUnprocessableContent());
		send(etdz, post("/api/v1/transfers/" + transfer + "/decline"), Map.of("reason", "暂无可用化工用地"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.decisionReason").value("暂无可用化工用地"));
		assertThat(jdbc.sql("SELECT unit_id FROM project WHERE id = ?").param(project).query(Long.class).single())
			.isEqualTo(unit("qingfeng"));

		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, status, last_follow_up_at)
				VALUES (?, '某化工企业', ?, 'OTHER', ?, 'FOLLOWING', ?)""")
			.params(Pages.unique("化工线索"), Demo.chain(jdbc, "chemical"), unit("qingfeng"), LocalDate.now(clock))
			.update(keys, "id");
		long clue = keys.getKey().longValue();
		as("qingfeng", get("/api/v1/clues/" + clue + "/allocation-candidates")).andExpect(status().isOk())
			.andExpect(jsonPath("$.outsidePositioning").value(true))
			// the codes are a project's codes; only the text speaks of the clue
			.andExpect(jsonPath("$.items[0].reasons[*].code").value(org.hamcrest.Matchers.contains("primary",
					"land.noNeed", "factory.noNeed", "load")))
			.andExpect(jsonPath("$.items[0].reasons[1].text").value(org.hamcrest.Matchers.startsWith("线索未登记用地需求")));
		var c = send("qingfeng", post("/api/v1/transfers"), proposal(null, clue, fanxian, "30", 3))
			.andExpect(status().isCreated())
			.andReturn();
		long clueTransfer = ((Number) JsonPath.read(body(c), "$.id")).longValue();
		send("city", post("/api/v1/transfers/" + clueTransfer + "/accept"), Map.of()).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT owner_unit_id FROM clue WHERE id = ?").param(clue).query(Long.class).single())
			.isEqualTo(fanxian);
		send("qingfeng", post("/api/v1/transfers"), proposal(project, clue, fanxian, "30", 3))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void a_transferred_clue_s_agreement_credits_the_project_it_becomes() throws Exception {
		long qingfeng = unit("qingfeng");
		long fanxian = unit("fanxian");
		String fx = Pages.unique("fx");
		jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale) "
				+ "VALUES (?, ?, '范县招商员', 'UNIT_MANAGER', ?, 'zh-CN')")
			.params(fx, DEMO_HASH, fanxian)
			.update();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, status, last_follow_up_at)
				VALUES (?, '某精细化工企业', ?, 'OTHER', ?, 'FOLLOWING', ?)""")
			.params(Pages.unique("化工转化线索"), Demo.chain(jdbc, "chemical"), qingfeng, LocalDate.now(clock))
			.update(keys, "id");
		long clue = keys.getKey().longValue();
		var c = send("qingfeng", post("/api/v1/transfers"), proposal(null, clue, fanxian, "30", 2))
			.andExpect(status().isCreated())
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(c), "$.id")).longValue();
		var accepted = send(fx, post("/api/v1/transfers/" + transfer + "/accept"), Map.of())
			.andExpect(status().isOk())
			.andReturn();
		long agreement = ((Number) JsonPath.read(body(accepted), "$.agreementId")).longValue();
		assertThat(jdbc.sql("SELECT project_id FROM benefit_agreement WHERE id = ?").param(agreement)
			.query(Long.class).optional()).isEmpty();

		// the receiving county confirms the intent and converts the clue: the project lands in 范县
		jdbc.sql("UPDATE clue SET status = 'CONFIRMED' WHERE id = ?").param(clue).update();
		var converted = send(fx, post("/api/v1/clues/" + clue + "/conversion"),
				Map.of("plannedInvestment", new BigDecimal("9000")))
			.andExpect(status().isCreated())
			.andReturn();
		long project = ((Number) JsonPath.read(body(converted), "$.projectId")).longValue();
		assertThat(jdbc.sql("SELECT unit_id FROM project WHERE id = ?").param(project).query(Long.class).single())
			.isEqualTo(fanxian);

		// the agreement now names the project, its term starts on the conversion day, the shares follow it
		LocalDate today = LocalDate.now(clock);
		var row = jdbc.sql("SELECT project_id, valid_from, valid_to FROM benefit_agreement WHERE id = ?")
			.param(agreement)
			.query()
			.singleRow();
		assertThat(((Number) row.get("project_id")).longValue()).isEqualTo(project);
		assertThat(row.get("valid_from").toString()).isEqualTo(today.toString());
		assertThat(row.get("valid_to").toString()).isEqualTo(today.plusYears(2).minusDays(1).toString());
		assertThat(creditShares.inForce(new ProjectId(project), today))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=3000", fanxian + "=7000");
		assertThat(creditShares.inForce(new ProjectId(project), today.plusYears(2)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactly(fanxian + "=10000");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'benefitAgreement' AND record_id = ? "
				+ "AND action = 'UPDATE'").param(String.valueOf(agreement)).query(Long.class).single()).isEqualTo(1);

		// the figures: funds in place of the new project credited 30 % / 70 % to the fen, in the ledgers and in
		// the supervision figures
		var figuresBefore = figures();
		jdbc.sql("UPDATE project SET contracted_investment = 2000 WHERE id = ?").param(project).update();
		send(fx, put("/api/v1/projects/" + project + "/funds/" + java.time.YearMonth.from(today)),
				Map.of("fundsInPlace", new BigDecimal("1000.01")))
			.andExpect(status().isOk());
		int year = today.getYear();
		String path = "$.items[?(@.projectId == " + project + ")]";
		var q = as("city", get("/api/v1/benefit-ledger?unit=" + qingfeng + "&year=" + year)).andExpect(status().isOk())
			.andReturn();
		var f = as("city", get("/api/v1/benefit-ledger?unit=" + fanxian + "&year=" + year)).andExpect(status().isOk())
			.andReturn();
		assertThat(JsonPath.<List<Object>>read(body(q), path + ".share")).containsExactly(30.0);
		assertThat(JsonPath.<List<Object>>read(body(q), path + ".fundsInPlace")).containsExactly(300.0);
		assertThat(JsonPath.<List<Object>>read(body(f), path + ".fundsInPlace")).containsExactly(700.01);
		assertThat(JsonPath.<List<Object>>read(body(q), path + ".contractedInvestment")).containsExactly(600.0);
		var figuresAfter = figures();
		assertThat(figuresAfter.get(qingfeng).subtract(figuresBefore.get(qingfeng))).isEqualByComparingTo("300.00");
		assertThat(figuresAfter.get(fanxian).subtract(figuresBefore.getOrDefault(fanxian, BigDecimal.ZERO)))
			.isEqualByComparingTo("700.01");
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void a_share_until_commencement_ends_the_day_before_the_project_commences() throws Exception {
		long project = project("qingfeng", "chemical", "1000.00");
		long qingfeng = unit("qingfeng");
		long etdzUnit = unit("etdz");
		var untilNegotiating = proposal(project, null, etdzUnit, "30", 5);
		untilNegotiating.put("untilStage", "NEGOTIATING");
		send("city", post("/api/v1/transfers"), untilNegotiating).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("untilStage"));
		var untilSigned = proposal(project, null, etdzUnit, "30", 5);
		untilSigned.put("untilStage", "SIGNED");
		send("city", post("/api/v1/transfers"), untilSigned).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("untilStage"));
		var untilCommenced = proposal(project, null, etdzUnit, "30", 5);
		untilCommenced.put("untilStage", "COMMENCED");
		var created = send("city", post("/api/v1/transfers"), untilCommenced).andExpect(status().isCreated())
			.andExpect(jsonPath("$.untilStage").value("COMMENCED"))
			.andReturn();
		long transfer = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		var accepted = send(etdz, post("/api/v1/transfers/" + transfer + "/accept"), Map.of())
			.andExpect(status().isOk())
			.andReturn();
		long agreement = ((Number) JsonPath.read(body(accepted), "$.agreementId")).longValue();
		LocalDate today = LocalDate.now(clock);
		as("city", get("/api/v1/benefit-agreements/" + agreement)).andExpect(status().isOk())
			.andExpect(jsonPath("$.untilStage").value("COMMENCED"))
			.andExpect(jsonPath("$.stageReachedOn").doesNotExist())
			.andExpect(jsonPath("$.validTo").value(today.plusYears(5).minusDays(1).toString()));
		assertThat(creditShares.inForce(new ProjectId(project), today.plusYears(1)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=3000", etdzUnit + "=7000");

		// the project commences in ten days (the event the ledger publishes on every applied stage move)
		LocalDate commenced = today.plusDays(10);
		var user = Demo.signIn(accounts, etdz);
		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(tx -> events.publishEvent(new cn.zhaoshang.project.ProjectStageChanged(
					new ProjectId(project), new UnitId(etdzUnit), cn.zhaoshang.project.Stage.SIGNED,
					cn.zhaoshang.project.Stage.COMMENCED, cn.zhaoshang.project.ProjectStatus.ACTIVE,
					cn.zhaoshang.project.ProjectStatus.ACTIVE, commenced)));
		SecurityContextHolder.clearContext();
		assertThat(user.getUsername()).isEqualTo(etdz);
		as("city", get("/api/v1/benefit-agreements/" + agreement)).andExpect(status().isOk())
			.andExpect(jsonPath("$.stageReachedOn").value(commenced.toString()))
			.andExpect(jsonPath("$.validTo").value(commenced.minusDays(1).toString()));
		assertThat(creditShares.inForce(new ProjectId(project), commenced.minusDays(1)))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactlyInAnyOrder(qingfeng + "=3000", etdzUnit + "=7000");
		assertThat(creditShares.inForce(new ProjectId(project), commenced))
			.extracting(s -> s.unit().value() + "=" + s.basisPoints())
			.containsExactly(etdzUnit + "=10000");
		// the bureau's later edit of the years keeps the stage's end
		var change = new LinkedHashMap<String, Object>();
		change.put("introducerShare", 30);
		change.put("years", 8);
		change.put("version", 1);
		send("city", put("/api/v1/benefit-agreements/" + agreement), change).andExpect(status().isOk())
			.andExpect(jsonPath("$.validTo").value(commenced.minusDays(1).toString()));
	}
}
