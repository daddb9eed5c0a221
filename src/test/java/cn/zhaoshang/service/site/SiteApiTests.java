package cn.zhaoshang.service.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.service.SiteSearchUnits;
import cn.zhaoshang.service.SiteStock;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Land parcels and factories through {@code /api/v1}: registering (the bureau anywhere, a unit only its own),
 * validation naming the field, matching a signed project's needs with reasons, reserving (stock falls, a second
 * reservation is refused, audited), releasing, moving on, a stale version, and land waits for projects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SiteApiTests extends ApiTestSupport {

	@Autowired
	SiteStock stock;

	ResultActions send(String user, AbstractMockHttpServletRequestBuilder<?> request, Object body) throws Exception {
		return as(user, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}

	/** A new signed active project of the unit needing land (亩) and factory space (m²). */
	long project(String unitCode, String landMu, String factoryM2, LocalDate signed) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, land_need_mu, factory_need_m2, signed_date)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '用地测试投资有限公司', ?, ?, 'NEW', 'SIGNED', 'ACTIVE', 5000,
				    ?, ?, ?)""")
			.params(Pages.unique("S"), Pages.unique("用地测试项目"), Demo.unit(jdbc, unitCode),
					Demo.chain(jdbc, "chemical"), landMu == null ? null : new BigDecimal(landMu),
					factoryM2 == null ? null : new BigDecimal(factoryM2), signed)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Map<String, Object> parcelBody(long unit, String name, String mu) {
		var body = new LinkedHashMap<String, Object>();
		body.put("unitId", unit);
		body.put("name", name);
		body.put("park", "濮阳工业园区化工园");
		body.put("areaMu", new BigDecimal(mu));
		body.put("plannedUse", "INDUSTRIAL");
		body.put("chainIds", List.of(Demo.chain(jdbc, "chemical")));
		body.put("waterReady", true);
		body.put("waterDate", "2026-03-01");
		body.put("powerReady", true);
		body.put("price", new BigDecimal("18.5"));
		return body;
	}

	long createParcel(String user, long unit, String mu) throws Exception {
		var result = send(user, post("/api/v1/land-parcels"), parcelBody(unit, Pages.unique("净地"), mu))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("AVAILABLE"))
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	long createFactory(String user, long unit, String m2) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("unitId", unit);
		body.put("name", Pages.unique("标准化厂房"));
		body.put("park", "濮阳工业园区");
		body.put("building", "3号楼");
		body.put("floorAreaM2", new BigDecimal(m2));
		body.put("floors", 1);
		body.put("crane", true);
		body.put("rent", new BigDecimal("12"));
		var result = send(user, post("/api/v1/factories"), body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("AVAILABLE"))
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	@Test
	void a_parcel_registered_in_the_park_is_matched_to_a_signed_project_and_reserving_it_lowers_the_stock()
			throws Exception {
		long park = Demo.unit(jdbc, "park");
		long parcel = createParcel("city", park, "120");
		long factory = createFactory("city", park, "6000");
		long project = project("park", "100", "5000", LocalDate.now().minusDays(30));
		BigDecimal before = stock.of(new UnitId(park)).landMu();

		var matches = as("city", get("/api/v1/projects/" + project + "/site-matches").locale(java.util.Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.policy").value(SiteScoring.NAME))
			.andReturn();
		String text = body(matches);
		List<Integer> landIds = JsonPath.read(text, "$.items[?(@.kind == 'LAND')].id");
		assertThat(landIds).contains((int) parcel);
		List<Integer> scores = JsonPath.read(text, "$.items[?(@.id == " + parcel + " && @.kind == 'LAND')].score");
		assertThat(scores).containsExactly(50 + 25 + 10 + 5);
		List<List<String>> reasons = JsonPath.read(text,
				"$.items[?(@.id == " + parcel + " && @.kind == 'LAND')].reasons");
		assertThat(reasons.get(0)).contains("面积120亩，满足需求100亩", "适配本项目产业链");
		List<Integer> factoryIds = JsonPath.read(text, "$.items[?(@.kind == 'FACTORY')].id");
		assertThat(factoryIds).contains((int) factory);
		List<Integer> units = JsonPath.read(text, "$.items[*].unitId");
		assertThat(units).containsOnly((int) park);

		send("city", post("/api/v1/land-parcels/" + parcel + "/reservation"), Map.of("projectId", project))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESERVED"))
			.andExpect(jsonPath("$.projectId").value(project));
		assertThat(stock.of(new UnitId(park)).landMu()).isEqualByComparingTo(before.subtract(new BigDecimal("120")));
		as("city", get("/api/v1/site-stock")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unit.value", hasItem((int) park)));
		// no longer a candidate, and cannot be reserved twice
		String after = body(as("city", get("/api/v1/projects/" + project + "/site-matches")).andReturn());
		assertThat((List<Integer>) JsonPath.read(after, "$.items[?(@.kind == 'LAND')].id")).doesNotContain((int) parcel);
		send("city", post("/api/v1/land-parcels/" + parcel + "/reservation"), Map.of("projectId", project))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'landParcel' AND record_id = :id"
				+ " AND action = 'RESERVE'").param("id", String.valueOf(parcel)).query(Long.class).single())
			.isEqualTo(1);

		// the land waits view counts the project as landed today, 30 days after signing
		String waits = body(as("city", get("/api/v1/land-waits")).andExpect(status().isOk()).andReturn());
		List<Integer> days = JsonPath.read(waits, "$.projects[?(@.projectId == " + project + ")].days");
		assertThat(days).containsExactly(30);

		// allocated, then released is refused; a fresh reservation of the factory, released again
		send("city", post("/api/v1/land-parcels/" + parcel + "/status"), Map.of("status", "ALLOCATED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ALLOCATED"));
		as("city", delete("/api/v1/land-parcels/" + parcel + "/reservation")).andExpect(status().isConflict());
		send("city", post("/api/v1/factories/" + factory + "/reservation"), Map.of("projectId", project))
			.andExpect(status().isOk());
		as("city", delete("/api/v1/factories/" + factory + "/reservation")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AVAILABLE"))
			.andExpect(jsonPath("$.projectId").doesNotExist());
	}

	@Autowired
	SiteSearchUnits searchUnits;

	@Autowired
	cn.zhaoshang.chain.Positionings positionings;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	/** A new county with a positioning leading the chain (tier PRIMARY or SECONDARY; null: no chain of it). */
	long positionedUnit(String chainCode, String tier) {
		var keys = new GeneratedKeyHolder();
		String code = Pages.unique("pos");
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (?, ?, 'COUNTY')").params(code, code).update(keys, "id");
		long unit = keys.getKey().longValue();
		jdbc.sql("INSERT INTO unit_positioning (unit_id, parks) VALUES (?, '测试园区')").params(unit).update();
		if (tier != null) {
			jdbc.sql("INSERT INTO unit_positioning_chain (unit_id, chain_id, tier) VALUES (?, ?, ?)")
				.params(unit, Demo.chain(jdbc, chainCode), tier)
				.update();
		}
		return unit;
	}

	@Test
	void a_project_outside_its_units_positioning_is_matched_to_land_of_the_units_that_lead_its_chain()
			throws Exception {
		// the project's unit leads only green food; the project is a chemical one (outside positioning)
		long own = positionedUnit("green-food", "PRIMARY");
		long primary = positionedUnit("chemical", "PRIMARY");
		long secondary = positionedUnit("chemical", "SECONDARY");
		long elsewhere = positionedUnit("green-food", "PRIMARY");
		long ownParcel = createParcel("city", own, "110");
		long primaryParcel = createParcel("city", primary, "120");
		long secondaryParcel = createParcel("city", secondary, "300");
		long elsewhereParcel = createParcel("city", elsewhere, "120");
		long project = project("park", "100", null, LocalDate.now().minusDays(3));
		jdbc.sql("UPDATE project SET unit_id = ? WHERE id = ?").params(own, project).update();

		List<UnitId> others = searchUnits.otherUnits(new ProjectId(project));
		assertThat(others).contains(new UnitId(primary), new UnitId(secondary))
			.doesNotContain(new UnitId(own), new UnitId(elsewhere));
		assertThat(others.indexOf(new UnitId(primary))).isLessThan(others.indexOf(new UnitId(secondary)));

		String text = body(as("city", get("/api/v1/projects/" + project + "/site-matches")
			.locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn());
		List<Integer> landIds = JsonPath.read(text, "$.items[?(@.kind == 'LAND')].id");
		assertThat(landIds).contains((int) ownParcel, (int) primaryParcel, (int) secondaryParcel)
			.doesNotContain((int) elsewhereParcel);
		List<List<String>> reasons = JsonPath.read(text,
				"$.items[?(@.id == " + primaryParcel + " && @.kind == 'LAND')].reasons");
		assertThat(reasons.get(0)).contains("位于其他单位（定位外项目）");
		List<Integer> scores = JsonPath.read(text,
				"$.items[?(@.id == " + primaryParcel + " && @.kind == 'LAND')].score");
		assertThat(scores).containsExactly(50 + 25 + 10 + 5 - 10);

		// the registered stock is the units' positioning capacity (declared none): reserving lowers it
		assertThat(positionings.withRegisteredCapacity().get(new UnitId(primary)).netLandMu())
			.isEqualByComparingTo("120");
		assertThat(positionings.all().get(new UnitId(primary)).netLandMu()).isNull();
		send("city", post("/api/v1/land-parcels/" + primaryParcel + "/reservation"), Map.of("projectId", project))
			.andExpect(status().isOk());
		assertThat(positionings.withRegisteredCapacity().get(new UnitId(primary)).netLandMu())
			.isEqualByComparingTo("0");
		assertThat(positionings.registeredCapacity()).contains(new UnitId(primary), new UnitId(secondary));
		String positioningPage = mvc.perform(get("/chains/positioning").with(Pages.as(accounts, "city")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(positioningPage).contains("按用地厂房登记的可用存量");

		// the project's unit takes up the chain: the project fits, only its own land is matched
		jdbc.sql("INSERT INTO unit_positioning_chain (unit_id, chain_id, tier) VALUES (?, ?, 'SECONDARY')")
			.params(own, Demo.chain(jdbc, "chemical"))
			.update();
		assertThat(searchUnits.otherUnits(new ProjectId(project))).isEmpty();
		String inside = body(as("city", get("/api/v1/projects/" + project + "/site-matches")).andReturn());
		assertThat((List<Integer>) JsonPath.read(inside, "$.items[*].unitId")).containsOnly((int) own);
	}

	@Test
	void a_signed_project_without_land_waits_and_the_view_counts_its_days() throws Exception {
		long project = project("nanle", "60", null, LocalDate.now().minusDays(12));
		String waits = body(as("viewer", get("/api/v1/land-waits")).andExpect(status().isOk()).andReturn());
		List<Integer> days = JsonPath.read(waits, "$.projects[?(@.projectId == " + project + ")].days");
		assertThat(days).containsExactly(12);
		List<Map<String, Object>> lines = JsonPath.read(waits, "$.projects[?(@.projectId == " + project + ")]");
		assertThat(lines.get(0)).doesNotContainKey("landOn");
		List<Integer> waiting = JsonPath.read(waits,
				"$.units[?(@.unitId == " + Demo.unit(jdbc, "nanle") + ")].waitingProjects");
		assertThat(waiting.get(0)).isPositive();
	}

	@Test
	void a_unit_keeps_only_its_own_land_and_the_bureau_all() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		long park = Demo.unit(jdbc, "park");
		send("hualong", post("/api/v1/land-parcels"), parcelBody(park, Pages.unique("越权地块"), "50"))
			.andExpect(status().isForbidden());
		long own = createParcel("hualong", hualong, "50");
		long parkParcel = createParcel("city", park, "80");
		long parkProject = project("park", "40", null, LocalDate.now());
		send("hualong", post("/api/v1/land-parcels/" + parkParcel + "/reservation"), Map.of("projectId", parkProject))
			.andExpect(status().isForbidden());
		send("qingfeng", put("/api/v1/land-parcels/" + own), withVersion(parcelBody(hualong, "改名", "50"), 0))
			.andExpect(status().isForbidden());
		// the city pool is shared: another unit reads it, a leader reads but may not write
		as("qingfeng", get("/api/v1/land-parcels/" + own)).andExpect(status().isOk());
		send("leader", post("/api/v1/land-parcels"), parcelBody(hualong, "领导", "1")).andExpect(status().isForbidden());
		as("agent", get("/api/v1/land-parcels")).andExpect(status().isForbidden());
		as("hualong", get("/api/v1/land-parcels").param("unit", String.valueOf(hualong)).param("size", "200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) own)));
	}

	static Map<String, Object> withVersion(Map<String, Object> body, int version) {
		body.put("version", version);
		return body;
	}

	@Test
	void invalid_input_names_the_field_and_a_stale_version_is_a_conflict() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		var body = parcelBody(hualong, "无面积", "1");
		body.remove("areaMu");
		send("hualong", post("/api/v1/land-parcels"), body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("areaMu")));
		var unknownChain = parcelBody(hualong, Pages.unique("未知产业链"), "1");
		unknownChain.put("chainIds", List.of(999999));
		send("hualong", post("/api/v1/land-parcels"), unknownChain).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("chainIds"));
		long id = createParcel("hualong", hualong, "30");
		send("hualong", put("/api/v1/land-parcels/" + id), withVersion(parcelBody(hualong, "改名一", "31"), 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.areaMu").value(31))
			.andExpect(jsonPath("$.version").value(1));
		send("hualong", put("/api/v1/land-parcels/" + id), withVersion(parcelBody(hualong, "改名二", "32"), 0))
			.andExpect(status().isConflict());
		send("hualong", put("/api/v1/land-parcels/" + id), parcelBody(hualong, "无版本", "32"))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'landParcel' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}
}
