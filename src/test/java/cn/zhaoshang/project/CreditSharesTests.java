package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.CreditShares.CreditShare;
import cn.zhaoshang.project.CreditShares.NewShare;
import cn.zhaoshang.support.ApiTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Credit shares (ADR 0012) on H2 and PostgreSQL: a new project gets 100 % for its landing unit, the default follows
 * the landing unit, and {@link CreditShares#set} keeps the rules (exactly 100 %, each above 0, units distinct) and
 * the history.
 */
@SpringBootTest
class CreditSharesTests extends ApiTestSupport {

	@Autowired
	CreditShares shares;

	@Autowired
	AccountUserDetailsService accounts;

	@Test
	void a_new_project_is_credited_to_its_landing_unit_and_the_default_follows_the_unit() throws Exception {
		String token = token("city");
		long id = create(token, "hualong");
		assertThat(shares.history(new ProjectId(id))).singleElement().satisfies(s -> {
			assertThat(s.unit()).isEqualTo(unit("hualong"));
			assertThat(s.basisPoints()).isEqualTo(10_000);
			assertThat(s.defaultShare()).isTrue();
			assertThat(s.validFrom()).isNull();
		});
		String body = body(token, id);
		var edit = new java.util.LinkedHashMap<String, Object>(minimal(JsonPath.read(body, "$.name"), "puyang"));
		edit.put("investorName", JsonPath.read(body, "$.investorName"));
		edit.put("version", JsonPath.read(body, "$.version"));
		mvc.perform(put("/api/v1/projects/" + id).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(edit))).andExpect(status().isOk());
		assertThat(shares.history(new ProjectId(id))).singleElement()
			.satisfies(s -> assertThat(s.unit()).isEqualTo(unit("puyang")));
		// the project page shows the share
		String page = mvc.perform(get("/projects/" + id).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("city"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"credit-shares\"").contains("濮阳县 100%").contains("落地单位");
	}

	@Test
	void set_shares_must_make_exactly_one_hundred_percent_of_distinct_units() throws Exception {
		long id = create(token("city"), "hualong");
		CurrentUser city = accounts.loadUserByUsername("city");
		var project = new ProjectId(id);
		LocalDate from = LocalDate.of(2026, 7, 1);
		assertThatThrownBy(() -> shares.set(project, from,
				List.of(new NewShare(unit("hualong"), 6000), new NewShare(unit("puyang"), 3999)), "分成", city))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("validation.creditShares.sum")));
		assertThatThrownBy(() -> shares.set(project, from,
				List.of(new NewShare(unit("hualong"), 5000), new NewShare(unit("hualong"), 5000)), "分成", city))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("validation.creditShares.unitTwice")));
		assertThatThrownBy(() -> shares.set(project, from,
				List.of(new NewShare(unit("hualong"), 10_000), new NewShare(unit("puyang"), 0)), " ", city))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(InvalidInputException.Violation::field)
				.contains("reason", "shares"));

		shares.set(project, from, List.of(new NewShare(unit("hualong"), 6000), new NewShare(unit("puyang"), 4000)),
				"跨县转移，利益分成", city);
		List<CreditShare> history = shares.history(project);
		assertThat(history).hasSize(3);
		assertThat(history.get(0).validTo()).isEqualTo(from.minusDays(1));
		assertThat(shares.inForce(project, from.minusDays(1))).singleElement()
			.satisfies(s -> assertThat(s.basisPoints()).isEqualTo(10_000));
		assertThat(shares.inForce(project, from)).extracting(CreditShare::basisPoints).containsExactlyInAnyOrder(6000,
				4000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = :id "
				+ "AND action = 'CREDIT_SHARES'").param("id", String.valueOf(id)).query(Long.class).single())
			.isEqualTo(1L);
		// set again from the same day: the rows starting then are replaced, not stacked
		shares.set(project, from, List.of(new NewShare(unit("puyang"), 10_000)), "改为全部计入濮阳县", city);
		assertThat(shares.inForce(project, from)).singleElement()
			.satisfies(s -> assertThat(s.unit()).isEqualTo(unit("puyang")));
	}

	// ================================================================================================= helpers

	private UnitId unit(String code) {
		return new UnitId(jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single());
	}

	private Map<String, Object> minimal(String name, String unit) {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("investorName", "份额测试" + name + "有限公司");
		body.put("unitId", unit(unit).value());
		body.put("chainId", jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single());
		body.put("type", "NEW");
		body.put("plannedInvestment", 12000);
		return body;
	}

	private long create(String token, String unit) throws Exception {
		String name = "份额测试项目" + UUID.randomUUID().toString().substring(0, 8);
		var result = mvc.perform(post("/api/v1/projects").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(minimal(name, unit)))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
			.longValue();
	}

	private String body(String token, long id) throws Exception {
		return mvc.perform(get("/api/v1/projects/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String json(Map<String, Object> body) {
		StringBuilder sb = new StringBuilder("{");
		body.forEach((k, v) -> {
			if (sb.length() > 1) {
				sb.append(',');
			}
			sb.append('"').append(k).append("\":");
			sb.append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
		});
		return sb.append('}').toString();
	}
}
