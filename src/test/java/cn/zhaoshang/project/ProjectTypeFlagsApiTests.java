package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
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

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 10 through {@code /api/v1/projects}, on H2 and PostgreSQL: types as combinable flags ({@code types}, the
 * deprecated {@code type} still read and written), their two rules, the list filter {@code type=} (any of several),
 * the negotiation date ({@code negotiationDate}) and the REGISTERED milestone ({@code registeredDate}, through
 * {@code POST .../registration} and the edit), audited, in the history and published as
 * {@link ProjectMilestoneRecorded}; and what the migration made of existing rows.
 */
@SpringBootTest
@RecordApplicationEvents
class ProjectTypeFlagsApiTests extends ApiTestSupport {

	@Autowired
	ApplicationEvents events;

	final LocalDate today = LocalDate.now();

	@Test
	void a_project_takes_several_types_in_canonical_order_with_the_first_as_its_deprecated_type() throws Exception {
		String m = ProjectApiTests.marker();
		var body = minimal(m + "返乡外资项目");
		body.remove("type");
		body.put("types", List.of("EXPORT_ORIENTED", "FOREIGN", "RETURN"));
		String created = body(as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(body))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.types").value(org.hamcrest.Matchers.contains("RETURN", "FOREIGN", "EXPORT_ORIENTED")))
			.andExpect(jsonPath("$.type").value("RETURN")));
		long id = id(created);
		assertThat(jdbc.sql("SELECT types FROM project WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("RETURN,FOREIGN,EXPORT_ORIENTED");

		String list = list("q=" + m + "&type=EXPORT_ORIENTED");
		assertThat(JsonPath.<List<Object>>read(list, "$.items[*].types[*]")).containsExactly("RETURN", "FOREIGN",
				"EXPORT_ORIENTED");
		assertThat(JsonPath.<String>read(list, "$.items[0].type")).isEqualTo("RETURN");
		assertThat(total("q=" + m + "&type=NEW")).isZero();
		assertThat(total("q=" + m + "&type=NEW&type=FOREIGN")).isEqualTo(1);
		assertThat(total("q=" + m + "&type=NEW,RETURN")).isEqualTo(1);
		as("city", get("/api/v1/projects?type=MARS")).andExpect(status().isBadRequest());
	}

	@Test
	void type_alone_still_works_and_types_win_when_both_are_sent() throws Exception {
		String m = ProjectApiTests.marker();
		var body = minimal(m + "增资项目");
		body.put("type", "EXPANSION");
		long id = id(body(as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(body))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.types").value(org.hamcrest.Matchers.contains("EXPANSION")))));

		var edit = with(minimal(m + "增资项目"), "type", "NEW", "types", List.of("EXPANSION", "FOREIGN"), "version", 0);
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON).content(write(edit)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.types").value(org.hamcrest.Matchers.contains("EXPANSION", "FOREIGN")))
			.andExpect(jsonPath("$.type").value("EXPANSION"));
	}

	@Test
	void no_type_at_all_or_new_with_expansion_is_refused_naming_types() throws Exception {
		String m = ProjectApiTests.marker();
		var none = minimal(m + "无类型项目");
		none.remove("type");
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(none)))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'types')].message").value("项目类型：请至少选择一个项目类型"));
		var both = with(minimal(m + "新建增资项目"), "types", List.of("NEW", "EXPANSION"));
		as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(both)))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'types')].message")
				.value("项目类型：“新建”和“增资扩产”不能同时选择（项目要么新建，要么增资扩产）"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE name LIKE ?").param(m + "%").query(Long.class).single())
			.isZero();
	}

	@Test
	void the_negotiation_date_defaults_to_the_day_of_entry_is_editable_never_in_the_future_and_kept_when_absent()
			throws Exception {
		String m = ProjectApiTests.marker();
		long id = id(body(as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(minimal(m + "洽谈项目")))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.negotiationDate").value(today.toString()))));

		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal(m + "洽谈项目"), "negotiationDate", "2025-06-01", "version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.negotiationDate").value("2025-06-01"));
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal(m + "洽谈项目"), "negotiationDate", today.plusDays(1).toString(), "version", 1))))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'negotiationDate')].message").value("洽谈日期：不能晚于今天"));
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal(m + "洽谈项目"), "description", "无日期的修改", "version", 1))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.negotiationDate").value("2025-06-01"));
	}

	@Test
	void the_registration_date_is_recorded_on_signed_projects_only_audited_in_the_history_and_published()
			throws Exception {
		String m = ProjectApiTests.marker();
		long id = id(body(as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(minimal(m + "注册项目")))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.registeredDate").doesNotExist())));

		as("hualong", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", "2025-05-01"))))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'registeredDate')].message")
				.value("注册日期：项目签约后才能记录注册日期"));

		sign(id, today.minusDays(10));
		as("hualong", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", today.plusDays(1).toString()))))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'registeredDate')].message").value("注册日期：不能晚于今天"));
		as("qingfeng", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", today.toString()))))
			.andExpect(status().isForbidden());
		events.clear();

		as("hualong", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", today.minusDays(3).toString()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registeredDate").value(today.minusDays(3).toString()))
			.andExpect(jsonPath("$.milestones[0].milestone").value("REGISTERED"))
			.andExpect(jsonPath("$.milestones[0].date").value(today.minusDays(3).toString()))
			.andExpect(jsonPath("$.milestones[0].recordedBy").value("hualong"));
		assertThat(events.stream(ProjectMilestoneRecorded.class)).singleElement().satisfies(e -> {
			assertThat(e.project().value()).isEqualTo(id);
			assertThat(e.milestone()).isEqualTo(ProjectMilestone.REGISTERED);
			assertThat(e.date()).isEqualTo(today.minusDays(3));
			assertThat(e.previous()).isNull();
		});
		assertThat(audits(id, "REGISTERED")).isEqualTo(1);

		// the same date again changes nothing; the edit API corrects it (a second line, the previous date kept)
		as("hualong", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", today.minusDays(3).toString()))))
			.andExpect(status().isOk());
		int version = JsonPath.read(body(as("hualong", get("/api/v1/projects/" + id))), "$.version");
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal(m + "注册项目"), "registeredDate", today.minusDays(2).toString(), "version",
					version))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registeredDate").value(today.minusDays(2).toString()))
			.andExpect(jsonPath("$.milestones.length()").value(2))
			.andExpect(jsonPath("$.milestones[0].previousDate").value(today.minusDays(3).toString()));
		assertThat(events.stream(ProjectMilestoneRecorded.class)).hasSize(2);
		// an edit without the field leaves it as it is
		as("hualong", put("/api/v1/projects/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(write(with(minimal(m + "注册项目"), "version", version + 1))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registeredDate").value(today.minusDays(2).toString()));
	}

	@Test
	void a_move_back_to_negotiating_clears_the_registration_date() throws Exception {
		String m = ProjectApiTests.marker();
		long id = id(body(as("hualong", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(write(minimal(m + "退回项目"))))));
		sign(id, today.minusDays(5));
		as("hualong", post("/api/v1/projects/" + id + "/registration").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("registeredDate", today.minusDays(1).toString())))).andExpect(status().isOk());

		as("city", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "NEGOTIATING", "reason", "合同未生效")))).andExpect(status().isCreated());

		as("city", get("/api/v1/projects/" + id)).andExpect(jsonPath("$.stage").value("NEGOTIATING"))
			.andExpect(jsonPath("$.registeredDate").doesNotExist());
	}

	@Test
	void the_migration_kept_each_existing_type_as_the_set_and_dated_negotiations_by_the_day_of_entry() {
		long demo = jdbc.sql("SELECT COUNT(*) FROM project WHERE code LIKE 'PY-2026-0000%'").query(Long.class).single();
		assertThat(demo).isPositive();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM project WHERE code LIKE 'PY-2026-0000%'
				AND (types IS NULL OR types <> type OR negotiation_date IS NULL)""").query(Long.class).single())
			.isZero();
	}

	// ---------------------------------------------------------------- helpers

	void sign(long id, LocalDate date) throws Exception {
		var file = ProjectApiTests.pdf("合同.pdf");
		long contract = id(body(as("hualong", multipart("/api/v1/attachments").file(file).param("evidenceKind",
				"CONTRACT")).andExpect(status().isCreated())));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", date.toString(), "contractType", "FORMAL_CONTRACT",
					"contractedInvestment", 5000, "evidenceIds", List.of(contract)))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applied").value(true));
	}

	static String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	String list(String query) throws Exception {
		return body(as("city", get("/api/v1/projects?" + query)).andExpect(status().isOk()));
	}

	long total(String query) throws Exception {
		return ((Number) JsonPath.read(list(query), "$.total")).longValue();
	}

	String write(Object value) {
		return json.writeValueAsString(value);
	}

	Map<String, Object> minimal(String name) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("investorName", name + "有限公司");
		body.put("unitId", jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single());
		body.put("chainId", jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single());
		body.put("type", "NEW");
		body.put("plannedInvestment", 12000);
		return body;
	}

	static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
		return ProjectApiTests.with(body, keyValues);
	}

	long audits(long projectId, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = :id AND action = :a""")
			.param("id", String.valueOf(projectId))
			.param("a", action)
			.query(Long.class)
			.single();
	}
}
