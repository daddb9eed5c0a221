package cn.zhaoshang.chain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Chains through {@code /api/v1}: a chain with its director, lead unit and links upstream to downstream with gap
 * ratings and counts; adding links and target enterprises (201), statuses, linked projects counted per link through
 * the project module's {@code ChainRecords}; who may edit (the bureau, a chain's editors, nobody else); optimistic
 * locking, validation naming the field, the audit trail and the director board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ChainApiTests extends ApiTestSupport {

	ResultActions send(String user, AbstractMockHttpServletRequestBuilder<?> request, Object body) throws Exception {
		return as(user, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}

	long merchant(String name) {
		return jdbc.sql("SELECT MIN(id) FROM merchant WHERE name = ?").param(name).query(Long.class).single();
	}

	/** A new merchant of its own, so that no other test's target collides with it. */
	long newMerchant() {
		String name = Pages.unique("链测试企业");
		jdbc.sql("INSERT INTO merchant (name, normalized_name, enterprise_type, created_at, updated_at)"
				+ " VALUES (?, ?, 'CENTRAL_SOE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(name, name)
			.update();
		return merchant(name);
	}

	long newLink(String user, long chain) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", Pages.unique("测试环节"));
		body.put("position", "MIDSTREAM");
		body.put("gap", "FILL");
		body.put("products", "电子级硫酸");
		body.put("sortOrder", 900);
		var result = send(user, post("/api/v1/chains/" + chain + "/links"), body).andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	@Test
	void the_chemical_chain_has_its_director_lead_unit_and_links_upstream_to_downstream_with_gaps() throws Exception {
		long chemical = Demo.chain(jdbc, "chemical");
		as("viewer", get("/api/v1/chains/" + chemical)).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(chemical))
			.andExpect(jsonPath("$.name").value("化工"))
			.andExpect(jsonPath("$.directorId").isNumber())
			.andExpect(jsonPath("$.directorName").value("李明"))
			.andExpect(jsonPath("$.leadUnitId").value(Demo.unit(jdbc, "hq-chem")))
			.andExpect(jsonPath("$.links[0].name").value("原油/天然气"))
			.andExpect(jsonPath("$.links[0].position").value("UPSTREAM"))
			.andExpect(jsonPath("$.links[0].gap").value("NONE"))
			.andExpect(jsonPath("$.links[1].name").value("基础化工原料"))
			.andExpect(jsonPath("$.links[1].gap").value("STRENGTHEN"))
			.andExpect(jsonPath("$.links[2].gap").value("FILL"))
			.andExpect(jsonPath("$.links[?(@.name == '可降解材料')].position").value(hasItem("DOWNSTREAM")))
			.andExpect(jsonPath("$.links[?(@.name == '可降解材料')].gap").value(hasItem("EXTEND")))
			.andExpect(jsonPath("$.links[1].targets").value(1))
			.andExpect(jsonPath("$.links[0].localEnterprises").value(1))
			.andExpect(jsonPath("$.editable").value(false));
		as("viewer", get("/api/v1/chains")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("化工"))
			.andExpect(jsonPath("$[0].directorName").value("李明"))
			.andExpect(jsonPath("$.length()").value(10));
		as("agent", get("/api/v1/chains/" + chemical)).andExpect(status().isForbidden());
		as("viewer", get("/api/v1/chains/0")).andExpect(status().isNotFound());
	}

	@Test
	void the_bureau_adds_a_link_and_a_target_whose_project_counts_on_the_map_by_stage() throws Exception {
		long chemical = Demo.chain(jdbc, "chemical");
		long link = newLink("city", chemical);
		long m = newMerchant();
		var target = new LinkedHashMap<String, Object>();
		target.put("merchantId", m);
		target.put("priority", "HIGH");
		target.put("reason", "电子化学品补链");
		target.put("trackerUnitId", Demo.unit(jdbc, "hq-chem"));
		var result = send("city", post("/api/v1/chain-links/" + link + "/targets"), target)
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/chain-targets/")))
			.andExpect(jsonPath("$.status").value("IDENTIFIED"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.trackerUnitName").value("化工指挥部"))
			.andExpect(jsonPath("$.marks.centralSoe").value(true))
			.andExpect(jsonPath("$.marks.leading").value(false))
			.andReturn();
		long targetId = ((Number) JsonPath.read(body(result), "$.id")).longValue();
		// the same enterprise twice on one link names the field
		send("city", post("/api/v1/chain-links/" + link + "/targets"), target).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("merchantId"));

		long project = jdbc.sql("SELECT MIN(id) FROM project WHERE stage = 'SIGNED' AND status = 'ACTIVE'")
			.query(Long.class).single();
		send("city", post("/api/v1/chain-targets/" + targetId + "/records"), Map.of("kind", "project", "recordId", project))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.records[0].kind").value("project"))
			.andExpect(jsonPath("$.records[0].stage").value("SIGNED"));
		as("viewer", get("/api/v1/chains/" + chemical)).andExpect(status().isOk())
			.andExpect(jsonPath("$.links[?(@.id == " + link + ")].projects").value(hasItem(1)))
			.andExpect(jsonPath("$.links[?(@.id == " + link + ")].projectsByStage.SIGNED").value(hasItem(1)))
			.andExpect(jsonPath("$.links[?(@.id == " + link + ")].targetsByStatus.IDENTIFIED").value(hasItem(1)));

		// status moves with optimistic locking
		var move = new LinkedHashMap<String, Object>(target);
		move.put("status", "CONTACTED");
		move.put("version", 1);
		send("city", put("/api/v1/chain-targets/" + targetId), move).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONTACTED"))
			.andExpect(jsonPath("$.version").value(2));
		send("city", put("/api/v1/chain-targets/" + targetId), move).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'chainTarget' AND record_id = ?")
			.param(String.valueOf(targetId)).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'chainTarget' AND record_id = ?"
				+ " AND action = 'TARGET_STATUS'").param(String.valueOf(targetId)).query(Long.class).single()).isOne();
	}

	@Test
	void a_new_link_and_a_target_name_the_broken_field() throws Exception {
		long chemical = Demo.chain(jdbc, "chemical");
		send("city", post("/api/v1/chains/" + chemical + "/links"), Map.of("name", " ", "position", "UPSTREAM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "gap")));
		send("city", post("/api/v1/chains/" + chemical + "/links"),
				Map.of("name", "原油/天然气", "position", "UPSTREAM", "gap", "NONE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		long link = newLink("city", chemical);
		send("city", post("/api/v1/chain-links/" + link + "/targets"), Map.of("priority", "HIGH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("merchantId", "trackerUnitId")));
		send("city", post("/api/v1/chain-links/" + link + "/targets"),
				Map.of("merchantId", 0, "priority", "HIGH", "trackerUnitId", Demo.unit(jdbc, "hq-chem")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("merchantId"));
	}

	@Test
	void only_the_bureau_and_the_chains_editors_edit_it() throws Exception {
		long chemical = Demo.chain(jdbc, "chemical");
		long home = Demo.chain(jdbc, "smart-home");
		var link = Map.of("name", Pages.unique("环节"), "position", "UPSTREAM", "gap", "NONE", "sortOrder", 900);
		send("hualong", post("/api/v1/chains/" + chemical + "/links"), link).andExpect(status().isForbidden());
		send("viewer", post("/api/v1/chains/" + chemical + "/links"), link).andExpect(status().isForbidden());
		send("leader", post("/api/v1/chains/" + chemical + "/links"), link).andExpect(status().isForbidden());
		// qingfeng edits the smart-home chain (demo editor list), not the chemical one
		send("qingfeng", post("/api/v1/chains/" + chemical + "/links"), link).andExpect(status().isForbidden());
		as("qingfeng", get("/api/v1/chains/" + home)).andExpect(jsonPath("$.editable").value(true))
			.andExpect(jsonPath("$.editors[0]").value("qingfeng"));
		long homeLink = newLink("qingfeng", home);
		// only the bureau names editors
		send("qingfeng", put("/api/v1/chains/" + chemical + "/editors"), Map.of("usernames", List.of("qingfeng")))
			.andExpect(status().isForbidden());
		send("city", put("/api/v1/chains/" + chemical + "/editors"), Map.of("usernames", List.of("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.editors[0]").value("hualong"));
		try {
			long chemLink = newLink("hualong", chemical);
			as("hualong", delete("/api/v1/chain-links/" + chemLink + "?version=0")).andExpect(status().isNoContent());
			send("city", put("/api/v1/chains/" + chemical + "/editors"), Map.of("usernames", List.of("nobody.here")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("usernames"));
		}
		finally {
			send("city", put("/api/v1/chains/" + chemical + "/editors"), Map.of("usernames", List.of()))
				.andExpect(status().isOk());
		}
		send("hualong", post("/api/v1/chains/" + chemical + "/links"), link).andExpect(status().isForbidden());
		as("qingfeng", delete("/api/v1/chain-links/" + homeLink + "?version=0")).andExpect(status().isNoContent());
	}

	@Test
	void the_chain_header_and_the_roadmap_are_edited_with_versions() throws Exception {
		long down = Demo.chain(jdbc, "down");
		int version = JsonPath.read(body(as("city", get("/api/v1/chains/" + down)).andReturn()), "$.version");
		long director = jdbc.sql("SELECT MIN(id) FROM person WHERE name = '李明'").query(Long.class).single();
		var header = new LinkedHashMap<String, Object>();
		header.put("directorId", director);
		header.put("leadUnitId", Demo.unit(jdbc, "taiqian"));
		header.put("strategy", "巩固原料集散优势");
		header.put("version", version);
		send("city", put("/api/v1/chains/" + down), header).andExpect(status().isOk())
			.andExpect(jsonPath("$.directorName").value("李明"))
			.andExpect(jsonPath("$.strategy").value("巩固原料集散优势"));
		send("city", put("/api/v1/chains/" + down), header).andExpect(status().isConflict());

		var result = send("city", post("/api/v1/chains/" + down + "/milestones"),
				Map.of("year", 2029, "text", "羽绒产业集群产值达 300 亿元", "status", "PLANNED"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.year").value(2029))
			.andReturn();
		long milestone = ((Number) JsonPath.read(body(result), "$.id")).longValue();
		send("city", put("/api/v1/chain-milestones/" + milestone),
				Map.of("year", 2029, "text", "羽绒产业集群产值达 300 亿元", "status", "ON_TRACK", "version", 0))
			.andExpect(status().isNoContent());
		as("viewer", get("/api/v1/chains/" + down + "/board")).andExpect(status().isOk())
			.andExpect(jsonPath("$.milestones[?(@.id == " + milestone + ")].status").value(hasItem("ON_TRACK")))
			.andExpect(jsonPath("$.gaps[*].gap").value(org.hamcrest.Matchers.not(hasItem("NONE"))))
			.andExpect(jsonPath("$.projectsByStage[0].stage").value("NEGOTIATING"))
			.andExpect(jsonPath("$.contractedInvestment").isNumber());
		send("city", post("/api/v1/chains/" + down + "/milestones"), Map.of("year", 1999, "text", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("year", "text")));
		as("city", delete("/api/v1/chain-milestones/" + milestone + "?version=1")).andExpect(status().isNoContent());
	}

	@Test
	void the_board_lists_the_key_project_reserve_pool_and_the_open_targets() throws Exception {
		long chemical = Demo.chain(jdbc, "chemical");
		long key = jdbc.sql("SELECT COUNT(*) FROM project WHERE chain_id = ? AND key_project AND status <> 'DROPPED'")
			.param(chemical).query(Long.class).single();
		as("city", get("/api/v1/chains/" + chemical + "/board")).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("化工"))
			.andExpect(jsonPath("$.keyProjects.length()").value((int) key))
			.andExpect(jsonPath("$.openTargets[*].merchantName").value(hasItem("中能华豫清洁能源有限公司")))
			.andExpect(jsonPath("$.targetsByStatus.LANDED").isNumber());
	}
}
