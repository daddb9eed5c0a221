package cn.zhaoshang.service.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Appeals through {@code /api/v1} and the public endpoints: an enterprise files on the public form and gets a
 * tracking number; the public lookup shows the status only; the appeal escalates once when late (the job driven
 * directly on a past due date) with notices to the leaders; it is assigned, answered, rated not satisfied and
 * reopened with a new due date; filing inside the government answers {id, trackingNo, dueAt}; the list filters.
 */
@SpringBootTest
class AppealApiTests extends ApiTestSupport {

	@Autowired
	AppealEscalation escalation;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String address() {
		return "10.14." + (int) (Math.random() * 250) + "." + (System.nanoTime() % 250);
	}

	int version(long id) {
		return jdbc.sql("SELECT version FROM appeal WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void a_public_appeal_is_tracked_escalated_when_late_answered_rated_and_reopened() throws Exception {
		String enterprise = Pages.unique("诉求企业");
		var filed = mvc.perform(post("/api/v1/public/appeals").with(from(address()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("enterpriseName", enterprise, "contactName", "王经理", "contact",
					"13900000000", "category", "APPROVAL", "content", "施工许可办理缓慢"))))
			.andExpect(status().isCreated())
			.andReturn();
		String trackingNo = JsonPath.read(body(filed), "$.trackingNo");
		assertThat(trackingNo).matches("SQ-\\d{8}-[0-9A-Z]{8}");
		assertThat(body(filed)).doesNotContain("\"id\"");
		long id = jdbc.sql("SELECT id FROM appeal WHERE tracking_no = :t").param("t", trackingNo).query(Long.class)
			.single();

		var tracked = mvc.perform(get("/api/v1/public/appeals/" + trackingNo).with(from(address())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andReturn();
		assertThat(body(tracked)).doesNotContain(enterprise, "13900000000", "answer");

		// late: the due dates lie in the past; the job escalates once, to the leaders and the city bureau
		jdbc.sql("UPDATE appeal SET ack_due_at = :t, due_at = :t WHERE id = :id")
			.param("t", Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)))
			.param("id", id)
			.update();
		long noticesBefore = notices(id);
		assertThat(escalation.escalate()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT escalation_level FROM appeal WHERE id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(notices(id)).isGreaterThan(noticesBefore);
		assertThat(notices(id, Demo.user(jdbc, "leader"))).isEqualTo(1);
		long afterFirst = notices(id);
		escalation.escalate();
		assertThat(notices(id)).as("escalated once").isEqualTo(afterFirst);

		as("city", post("/api/v1/appeals/" + id + "/assignment").contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + Demo.unit(jdbc, "hualong") + ",\"version\":" + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignedUnitId").value(Demo.unit(jdbc, "hualong")));
		as("qingfeng", post("/api/v1/appeals/" + id + "/answer").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"x\",\"version\":" + version(id) + "}")).andExpect(status().isForbidden());
		as("hualong", post("/api/v1/appeals/" + id + "/answer").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"已协调住建局，三日内办结。\",\"version\":" + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANSWERED"));
		mvc.perform(get("/api/v1/public/appeals/" + trackingNo).with(from(address())))
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.answer").value("已协调住建局，三日内办结。"))
			.andExpect(jsonPath("$.answeredAt").isNotEmpty());

		as("hualong", post("/api/v1/appeals/" + id + "/satisfaction").contentType(MediaType.APPLICATION_JSON)
			.content("{\"satisfaction\":\"NOT_SATISFIED\",\"version\":" + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.satisfaction").value("NOT_SATISFIED"));
		as("hualong", post("/api/v1/appeals/" + id + "/reopen").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REOPENED"))
			.andExpect(jsonPath("$.reopenCount").value(1));
		Instant due = jdbc.sql("SELECT due_at FROM appeal WHERE id = :id").param("id", id).query(Timestamp.class)
			.single().toInstant();
		assertThat(due).isAfter(Instant.now());
		as("hualong", post("/api/v1/appeals/" + id + "/reopen").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version(id) + "}")).andExpect(status().isUnprocessableContent());
		as("hualong", post("/api/v1/appeals/" + id + "/answer").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"x\",\"version\":0}")).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'appeal' AND record_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(6);
	}

	long notices(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE link = :l")
			.param("l", "/appeals/" + id)
			.query(Long.class)
			.single();
	}

	long notices(long id, long userId) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE link = :l AND recipient_id = :u")
			.param("l", "/appeals/" + id)
			.param("u", userId)
			.query(Long.class)
			.single();
	}

	@Test
	void filing_inside_the_government_answers_id_tracking_number_and_due_date_and_the_list_filters() throws Exception {
		String enterprise = Pages.unique("热线企业");
		var filed = as("hualong", post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("enterpriseName", enterprise, "channel", "MAYOR_HOTLINE",
					"category", "LAND", "content", "用地指标不足"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.trackingNo").isString())
			.andExpect(jsonPath("$.dueAt").isString())
			.andReturn();
		String trackingNo = JsonPath.read(body(filed), "$.trackingNo");

		as("hualong", get("/api/v1/appeals").param("q", enterprise).param("channel", "MAYOR_HOTLINE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].trackingNo").value(trackingNo))
			.andExpect(jsonPath("$.items[0].assignedUnitId").value(Demo.unit(jdbc, "hualong")));
		as("hualong", post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.content("{\"channel\":\"LETTER\",\"category\":\"LAND\",\"content\":\"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseName"));
		as("viewer", post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	/** Files an appeal as the city bureau, assigned to 清丰县, optionally about a project or an enterprise. */
	long fileForQingfeng(String enterprise, Long projectId, Long merchantId) throws Exception {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("enterpriseName", enterprise);
		body.put("channel", "LETTER");
		body.put("category", "OTHER");
		body.put("content", "数据范围测试");
		body.put("assignedUnitId", Demo.unit(jdbc, "qingfeng"));
		if (projectId != null) {
			body.put("projectId", projectId);
		}
		if (merchantId != null) {
			body.put("merchantId", merchantId);
		}
		var filed = as("city", post("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(body(filed), "$.id")).longValue();
	}

	@Test
	void a_unit_reads_the_appeals_assigned_to_it_or_about_its_projects_and_enterprises_and_the_bureau_all()
			throws Exception {
		String enterprise = Pages.unique("范围企业");
		long plain = fileForQingfeng(enterprise, null, null);
		long hualongProject = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00001'").query(Long.class)
			.single();
		long aboutProject = fileForQingfeng(enterprise, hualongProject, null);
		long hualongMerchant = jdbc.sql("SELECT merchant_id FROM project WHERE code = 'PY-2026-00001'")
			.query(Long.class)
			.single();
		long aboutEnterprise = fileForQingfeng(null, null, hualongMerchant);

		// 清丰县 (assigned), the bureau, leaders and viewers read all three
		for (String user : new String[] { "qingfeng", "city", "viewer" }) {
			for (long id : new long[] { plain, aboutProject, aboutEnterprise }) {
				as(user, get("/api/v1/appeals/" + id)).andExpect(status().isOk());
			}
		}
		// 华龙区 reads those about its project and its enterprise, not the other county's own appeal
		as("hualong", get("/api/v1/appeals/" + plain)).andExpect(status().isNotFound());
		as("hualong", get("/api/v1/appeals/" + aboutProject)).andExpect(status().isOk());
		as("hualong", get("/api/v1/appeals/" + aboutEnterprise)).andExpect(status().isOk());
		as("hualong", get("/api/v1/appeals").param("q", enterprise))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(aboutProject));
		as("qingfeng", get("/api/v1/appeals").param("q", enterprise)).andExpect(jsonPath("$.total").value(2));
		var page = mvc.perform(get("/appeals/" + plain).with(Pages.as(accounts, "hualong"))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(404);
		// reading is not handling: 华龙区 may not answer the appeal assigned to 清丰县
		as("hualong", post("/api/v1/appeals/" + aboutProject + "/answer").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("answer", "已协调", "version", version(aboutProject)))))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_public_form_refuses_robots_and_an_unknown_tracking_number_is_404() throws Exception {
		mvc.perform(post("/api/v1/public/appeals").with(from(address()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("enterpriseName", "Robot Inc", "contactName", "R", "contact", "1",
					"category", "OTHER", "content", "spam", "website", "http://spam.example"))))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/public/appeals/SQ-20260101-XXXXXXXX").with(from(address())))
			.andExpect(status().isNotFound());
	}
}
