package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 13 through {@code /api/v1}: people with positions, outbound trips (recorded, validated, approved or returned
 * by the unit's manager only, enterprises registered on the spot with the duplicate check), the monthly compliance
 * table counting approved trips only, and the leaders' three projects (422 for a project at the wrong stage, the
 * slot emptied when its project really moves on through the ledger).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TripApiTests extends ApiTestSupport {

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	String write(Object value) throws Exception {
		return json.writeValueAsString(value);
	}

	/** A new person of the unit with the position (its own name, so no other test counts it). */
	long person(String unitCode, String kind, String position) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (?, ?, ?, ?)")
			.params(Demo.unit(jdbc, unitCode), Pages.unique("测试人"), kind, position)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Map<String, Object> trip(List<Long> leaders, String from, String to) {
		var body = new LinkedHashMap<String, Object>();
		body.put("leaderIds", leaders);
		body.put("staffIds", List.of());
		body.put("from", from);
		body.put("to", to);
		body.put("destination", "上海市");
		body.put("purpose", "拜访化工新材料企业");
		body.put("merchantIds", List.of());
		body.put("clueIds", List.of());
		body.put("report", "座谈两家企业");
		return body;
	}

	long create(String user, Map<String, Object> body) throws Exception {
		var result = as(user, post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/trips/")))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	int version(long trip) {
		return jdbc.sql("SELECT version FROM trip WHERE id = ?").param(trip).query(Integer.class).single();
	}

	ResultActions approve(String user, long trip) throws Exception {
		return as(user, post("/api/v1/trips/" + trip + "/approve").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", version(trip)))));
	}

	@Test
	void people_carry_positions_and_the_demo_has_one_of_each() throws Exception {
		var result = as("viewer", get("/api/v1/people")).andExpect(status().isOk()).andReturn();
		List<String> positions = JsonPath.read(body(result), "$.items[*].position");
		assertThat(new HashSet<>(positions)).containsAll(Set.of("CITY_LEADER", "COUNTY_PRINCIPAL", "HQ_COMMANDER",
				"HQ_MEMBER_PRINCIPAL", "TEAM_HEAD", "DEPARTMENT_CADRE"));
		as("viewer", get("/api/v1/people?kind=LEADER&position=CITY_LEADER"))
			.andExpect(jsonPath("$.items[?(@.name == '李明')].userId").value(hasItem(
					(int) Demo.user(jdbc, "leader"))))
			.andExpect(jsonPath("$.items[*].position").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is("CITY_LEADER"))));
		as("viewer", get("/api/v1/people?kind=STAFF&unit=" + Demo.unit(jdbc, "hualong")))
			.andExpect(jsonPath("$.items[*].name").value(hasItem("刘洋")))
			.andExpect(jsonPath("$.items[*].kind").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is("STAFF"))));
		as("agent", get("/api/v1/people")).andExpect(status().isForbidden());
	}

	@Test
	void only_approved_trips_count_and_a_commander_needs_two_while_a_principal_needs_seven_days() throws Exception {
		long commander = person("hq-chem", "LEADER", "HQ_COMMANDER");
		long principal = person("ndrc", "LEADER", "HQ_MEMBER_PRINCIPAL");
		long first = create("city", trip(List.of(commander), "2026-10-08", "2026-10-09"));
		long second = create("city", trip(List.of(commander), "2026-10-20", "2026-10-20"));
		// five days out in October (27th to 31st), two more in November
		long away = create("city", trip(List.of(principal), "2026-10-27", "2026-11-02"));

		as("viewer", get("/api/v1/trip-compliance?month=2026-10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].trips").value(hasItem(0)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].compliant").value(hasItem(false)));

		approve("city", first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		as("viewer", get("/api/v1/trip-compliance?month=2026-10"))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].trips").value(hasItem(1)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].compliant").value(hasItem(false)));
		approve("city", second).andExpect(status().isOk());
		approve("city", away).andExpect(status().isOk());
		as("viewer", get("/api/v1/trip-compliance?month=2026-10"))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].position").value(hasItem("HQ_COMMANDER")))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].required").value(hasItem(2)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].trips").value(hasItem(2)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].days").value(hasItem(3)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].compliant").value(hasItem(true)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].required").value(hasItem(7)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].days").value(hasItem(5)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].compliant").value(hasItem(false)));
		as("viewer", get("/api/v1/trip-compliance?month=2026-11"))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].days").value(hasItem(2)));
		as("viewer", get("/api/v1/trip-compliance?month=october")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		// an approved trip is frozen, and approving twice is refused
		approve("city", first).andExpect(status().isConflict());
		as("city", put("/api/v1/trips/" + first).contentType(MediaType.APPLICATION_JSON)
			.content(write(withVersion(trip(List.of(commander), "2026-10-08", "2026-10-10"), version(first)))))
			.andExpect(status().isConflict());
	}

	static Map<String, Object> withVersion(Map<String, Object> body, int version) {
		body.put("version", version);
		return body;
	}

	@Test
	void a_trip_is_checked_field_by_field() throws Exception {
		long leader = person("hualong", "LEADER", "COUNTY_PRINCIPAL");
		as("hualong", post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON)
			.content(write(trip(List.of(), "2026-10-08", "2026-10-09"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("leaderIds"));
		as("hualong", post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON)
			.content(write(trip(List.of(leader), "2026-10-09", "2026-10-08"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		long staff = jdbc.sql("SELECT id FROM person WHERE name = '刘洋'").query(Long.class).single();
		as("hualong", post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON)
			.content(write(trip(List.of(staff), "2026-10-08", "2026-10-09"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("leaderIds"));
		var noPurpose = trip(List.of(leader), "2026-10-08", "2026-10-09");
		noPurpose.put("purpose", " ");
		as("hualong", post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON).content(write(noPurpose)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		var unknownClue = trip(List.of(leader), "2026-10-08", "2026-10-09");
		unknownClue.put("clueIds", List.of(0));
		as("hualong", post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON).content(write(unknownClue)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clueIds"));
		// a leader, a viewer and an intermediary cannot record trips
		for (String user : List.of("leader", "viewer", "agent")) {
			as(user, post("/api/v1/trips").contentType(MediaType.APPLICATION_JSON)
				.content(write(trip(List.of(leader), "2026-10-08", "2026-10-09"))))
				.andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM trip_person WHERE person_id = ?").param(leader).query(Long.class)
			.single()).isZero();
	}

	@Test
	void the_units_manager_approves_or_returns_and_a_returned_trip_is_submitted_again() throws Exception {
		long leader = person("hualong", "LEADER", "COUNTY_PRINCIPAL");
		long clue = jdbc.sql("SELECT MIN(id) FROM clue").query(Long.class).single();
		var body = trip(List.of(leader), "2026-10-12", "2026-10-14");
		String newName = Pages.unique("现场结识科技有限公司");
		body.put("newEnterprises", List.of(newName));
		body.put("clueIds", List.of(clue));
		body.put("staffIds", List.of(jdbc.sql("SELECT id FROM person WHERE name = '刘洋'").query(Long.class).single()));
		long id = create("hualong.staff", body);
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = ?").param(newName).query(Long.class).single();
		as("viewer", get("/api/v1/trips/" + id))
			.andExpect(jsonPath("$.merchants[0].id").value(merchant))
			.andExpect(jsonPath("$.clues[0].id").value(clue))
			.andExpect(jsonPath("$.staff[0].label").value("刘洋"));
		// the same name again links the same enterprise (duplicate check), nothing new is registered
		var again = trip(List.of(leader), "2026-10-16", "2026-10-16");
		again.put("newEnterprises", List.of(newName));
		long second = create("hualong", again);
		as("viewer", get("/api/v1/trips/" + second)).andExpect(jsonPath("$.merchants[0].id").value(merchant));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name = ?").param(newName).query(Long.class)
			.single()).isEqualTo(1);

		// staff cannot approve, another county's manager cannot either
		approve("hualong.staff", id).andExpect(status().isForbidden());
		approve("qingfeng", id).andExpect(status().isForbidden());
		as("hualong", post("/api/v1/trips/" + id + "/return").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", version(id)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("opinion"));
		as("hualong", post("/api/v1/trips/" + id + "/return").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", version(id), "opinion", "请补充拜访企业名单"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.reviewOpinion").value("请补充拜访企业名单"));
		var fixed = withVersion(trip(List.of(leader), "2026-10-12", "2026-10-14"), version(id));
		fixed.put("merchantIds", List.of(merchant));
		as("hualong.staff", put("/api/v1/trips/" + id).contentType(MediaType.APPLICATION_JSON).content(write(fixed)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.merchants[0].id").value(merchant));
		approve("hualong", id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'trip' AND record_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
		as("viewer", get("/api/v1/trips?person=" + leader + "&status=APPROVED"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
	}

	long project(String stage) {
		return new ActivityTestData(null, jdbc).projectAt(stage);
	}

	ResultActions slots(String user, long leader, Long negotiating, Long signed, Long commenced) throws Exception {
		var body = new HashMap<String, Object>();
		body.put("negotiating", negotiating);
		body.put("signed", signed);
		body.put("commenced", commenced);
		return as(user, put("/api/v1/leaders/" + leader + "/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(body)));
	}

	@Test
	void a_leaders_three_projects_refuse_the_wrong_stage_and_a_slot_empties_when_its_project_moves_on()
			throws Exception {
		long leader = person("hualong", "LEADER", "COUNTY_PRINCIPAL");
		long negotiating = project("NEGOTIATING");
		long signed = project("SIGNED");
		long commenced = project("COMMENCED");

		slots("hualong", leader, negotiating, negotiating, commenced)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("signed"));
		slots("hualong", leader, signed, null, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("negotiating"));
		slots("qingfeng", leader, negotiating, signed, commenced).andExpect(status().isForbidden());
		slots("leader", leader, negotiating, signed, commenced).andExpect(status().isForbidden());
		slots("hualong", leader, negotiating, signed, commenced)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.negotiating.id").value(negotiating))
			.andExpect(jsonPath("$.signed.id").value(signed))
			.andExpect(jsonPath("$.commenced.id").value(commenced))
			.andExpect(jsonPath("$.slots[0].days").value(0))
			.andExpect(jsonPath("$.slots[0].empty").value(false));

		// the negotiating project is signed through the ledger: its slot empties, the others stay
		long contract = upload("hualong", pdf("合同.pdf"), "CONTRACT");
		as("hualong", post("/api/v1/projects/" + negotiating + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", LocalDate.now().minusDays(1).toString(), "contractType",
					"FORMAL_CONTRACT", "contractedInvestment", 900, "evidenceIds", List.of(contract)))))
			.andExpect(status().isCreated());
		as("viewer", get("/api/v1/leaders/" + leader + "/projects"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.negotiating").doesNotExist())
			.andExpect(jsonPath("$.slots[0].empty").value(true))
			.andExpect(jsonPath("$.slots[0].left.id").value(negotiating))
			.andExpect(jsonPath("$.signed.id").value(signed))
			.andExpect(jsonPath("$.commenced.id").value(commenced));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'leaderProjects' AND action = "
				+ "'SLOT_EMPTIED' AND record_id = ?").param(String.valueOf(leader)).query(Long.class).single())
			.isEqualTo(1);
		as("viewer", get("/api/v1/leaders/0/projects")).andExpect(status().isNotFound());
	}

	@Test
	void a_leader_records_meetings_visits_and_problems_on_their_three_projects_and_resolves_a_problem()
			throws Exception {
		long leader = person("hualong", "LEADER", "COUNTY_PRINCIPAL");
		long negotiating = project("NEGOTIATING");
		long other = project("SIGNED");
		slots("hualong", leader, negotiating, null, null).andExpect(status().isOk());
		String yesterday = chinaToday().minusDays(1).toString();

		// a project not in the leader's slots, a future date and no notes: each named, nothing saved
		as("hualong", post("/api/v1/leaders/" + leader + "/contacts").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("projectId", other, "kind", "MEETING", "date",
					chinaToday().plusDays(1).toString()))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'projectId')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("三个项目之一"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'contactDate')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'contactNotes')]").isNotEmpty());
		as("qingfeng", post("/api/v1/leaders/" + leader + "/contacts").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("projectId", negotiating, "kind", "MEETING", "date", yesterday, "notes", "x"))))
			.andExpect(status().isForbidden());

		as("hualong", post("/api/v1/leaders/" + leader + "/contacts").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("projectId", negotiating, "kind", "VISIT", "date", yesterday, "notes",
					"到企业现场了解签约准备"))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/leader-contacts/")))
			.andExpect(jsonPath("$.kind").value("VISIT"));
		String problem = body(as("hualong", post("/api/v1/leaders/" + leader + "/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("projectId", negotiating, "kind", "PROBLEM", "date", yesterday, "notes",
					"用地指标不足，需协调自然资源局"))))
			.andExpect(status().isCreated())
			.andReturn());
		long id = ((Number) JsonPath.read(problem, "$.id")).longValue();

		// the resolution: required, not before the problem; at the version read; once only
		as("hualong", post("/api/v1/leader-contacts/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", 0, "resolvedOn", chinaToday().minusDays(5).toString()))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'resolution')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'resolvedOn')]").isNotEmpty());
		as("hualong", post("/api/v1/leader-contacts/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", 0, "resolution", "已协调调剂用地指标 50 亩", "resolvedOn",
					chinaToday().toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resolution").value("已协调调剂用地指标 50 亩"))
			.andExpect(jsonPath("$.open").doesNotExist())
			.andExpect(jsonPath("$.version").value(1));
		as("hualong", post("/api/v1/leader-contacts/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("version", 1, "resolution", "again", "resolvedOn", chinaToday().toString()))))
			.andExpect(status().isConflict());

		String list = body(as("viewer", get("/api/v1/leaders/" + leader + "/contacts")).andExpect(status().isOk())
			.andReturn());
		assertThat(JsonPath.<List<String>>read(list, "$.items[*].kind")).containsExactlyInAnyOrder("VISIT", "PROBLEM");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE record_type = 'leader_contact' AND record_id = ?")
			.param(String.valueOf(id)).query(String.class).list()).containsExactly("CREATE", "RESOLVE");

		// the leader's page shows them
		long user = cn.zhaoshang.support.TestUsers.create(jdbc, "CITY_SUPERVISOR", "city", null, "zh-CN").value();
		String username = jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(user).query(String.class)
			.single();
		String page = mvc.perform(get("/activity/leaders/" + leader)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(accounts.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pages.from(page, "contact-list")).contains("到企业现场了解签约准备").contains("用地指标不足")
			.contains("已协调调剂用地指标 50 亩").contains("现场走访");
		assertThat(page).contains("id=\"contact-form\"");
	}

	static MockMultipartFile pdf(String name) {
		String pdf = """
				%%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
				trailer << /Root 1 0 R /Title (%s) >>
				%%%%EOF
				""".formatted(Long.toHexString(System.nanoTime()));
		return new MockMultipartFile("file", name, "application/pdf", pdf.getBytes(StandardCharsets.US_ASCII));
	}

	long upload(String user, MockMultipartFile file, String evidenceKind) throws Exception {
		var result = as(user, multipart("/api/v1/attachments").file(file).param("evidenceKind", evidenceKind))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	/**
	 * Today in China, as the leader contacts' date rules see it ({@code LeaderProjects.today()}): between 16:00 and
	 * 24:00 UTC the machine's date is a day behind.
	 */
	private static LocalDate chinaToday() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}
}
