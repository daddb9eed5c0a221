package cn.zhaoshang.supervision.yearend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * The year-end summary of 2033 (no other test writes that year) on H2 and PostgreSQL: a small ledger for 华龙区 and
 * targets, a closed observation, a commendation and an exemption recorded through the API (the city bureau only),
 * and the .docx read back with POI: each unit's figures, targets and completion equal the figures read model's (and
 * the hand count), the rankings section says none were published, the observation's unit scores and the records
 * appear.
 */
@SpringBootTest
class YearEndSummaryTests extends ApiTestSupport {

	static final int YEAR = 2033;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	@Autowired
	SupervisionFigures figures;

	@Test
	void the_summary_docx_carries_the_read_models_figures_the_observations_and_the_records() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		// 华龙区 2033: signed 2033-03-01 for 1,000.00 and commenced 2033-06-01; funds in May 300.00 (120.00 from
		// outside the province); targets: 2 signed, 5,000.00 contracted, 1 commenced, 1,200.00 funds in place
		long p = project("YE-2033-A", hualong, "COMMENCED");
		move(p, "NEGOTIATING", "SIGNED", "2033-03-01", "1000.00");
		move(p, "SIGNED", "COMMENCED", "2033-06-01", null);
		var fundsBefore = fundsSums.snapshot(List.of(p));
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used)
				VALUES (:p, :m, 300.00, 120.00, 0)""").param("p", p).param("m", LocalDate.of(YEAR, 5, 1)).update();
		fundsSums.update(fundsBefore);
		jdbc.sql("""
				INSERT INTO unit_target (target_year, unit_id, signed_count, contracted_investment, commenced_count,
				    funds_in_place) VALUES (:y, :u, 2, 5000.00, 1, 1200.00)""").param("y", YEAR).param("u", hualong)
			.update();

		// a closed observation of the year: one project, one judge, 88.5 points
		String event = body(as("city", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("title", "2033年半年观摩", "date", "2033-07-10", "criteria",
					List.of(Map.of("name", "综合", "maxPoints", 100)), "projectIds", List.of(p), "judges",
					List.of(Map.of("name", "甲"))))))
			.andExpect(status().isCreated())
			.andReturn());
		long eventId = ((Number) JsonPath.read(event, "$.id")).longValue();
		long judge = ((Number) JsonPath.read(event, "$.judges[0].id")).longValue();
		long observed = ((Number) JsonPath.read(event, "$.projects[0].id")).longValue();
		long criterion = ((Number) JsonPath.read(event, "$.criteria[0].id")).longValue();
		as("city", post("/api/v1/observations/" + eventId + "/scoring").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk());
		as("city", put("/api/v1/observations/" + eventId + "/sheets/" + judge).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores",
					List.of(Map.of("projectId", observed, "criterionId", criterion, "points", 88.5))))))
			.andExpect(status().isOk());
		as("city", post("/api/v1/observations/" + eventId + "/close").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1}")).andExpect(status().isOk());

		// the records: the city bureau only; a unit's manager is refused; a blank reason names the field
		var commendation = Map.of("kind", "UNIT", "subject", "华龙区", "reason", "全年签约和到位资金目标完成较好");
		as("hualong", post("/api/v1/year-end/" + YEAR + "/commendations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(commendation))).andExpect(status().isForbidden());
		as("city", post("/api/v1/year-end/" + YEAR + "/commendations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("kind", "PERSON", "subject", "张伟", "reason", " "))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("表彰事由：不能为空"));
		String saved = body(as("city", post("/api/v1/year-end/" + YEAR + "/commendations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(commendation))).andExpect(status().isCreated()).andReturn());
		long commendationId = ((Number) JsonPath.read(saved, "$.id")).longValue();
		var changed = new LinkedHashMap<String, Object>(commendation);
		changed.put("reason", "全年签约、开工和到位资金目标完成较好");
		changed.put("version", 3);
		as("city", put("/api/v1/year-end/commendations/" + commendationId).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(changed))).andExpect(status().isConflict());
		changed.put("version", 0);
		as("city", put("/api/v1/year-end/commendations/" + commendationId).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(changed))).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		String extra = body(as("city", post("/api/v1/year-end/" + YEAR + "/commendations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("kind", "PROJECT", "subject", "临时项目", "reason", "录错"))))
			.andExpect(status().isCreated())
			.andReturn());
		as("city", delete("/api/v1/year-end/commendations/" + JsonPath.read(extra, "$.id")).param("version", "0"))
			.andExpect(status().isNoContent());
		as("city", post("/api/v1/year-end/" + YEAR + "/exemptions").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("person", "刘洋", "matter", "容缺受理某项目环评材料后补正延误",
					"decision", "无主观故意且主动纠正，予以免责", "decidedOn", "2033-11-20"))))
			.andExpect(status().isCreated());

		// JSON for every internal role
		as("viewer", get("/api/v1/year-end/" + YEAR)).andExpect(status().isOk())
			.andExpect(jsonPath("$.rankings.length()").value(0))
			.andExpect(jsonPath("$.observations[0].units[0].score").value(88.5))
			.andExpect(jsonPath("$.commendations.length()").value(1))
			.andExpect(jsonPath("$.exemptions[0].person").value("刘洋"));
		as("agent", get("/api/v1/year-end/" + YEAR)).andExpect(status().isForbidden());

		byte[] docx = as("hualong", get("/api/v1/year-end/" + YEAR + "/summary.docx")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var model = figures.of(new ReportingPeriod(ReportingPeriod.Kind.YEAR, YEAR, 0));
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			// every unit's table equals the read model
			for (SupervisionFigures.UnitRow row : model.rows()) {
				List<List<String>> table = rows(tableAfter(doc, row.unitName()));
				assertThat(table).as(row.unitName()).hasSize(YearEndDocument.INDICATORS.size());
				for (int i = 0; i < YearEndDocument.INDICATORS.size(); i++) {
					TargetIndicator indicator = YearEndDocument.INDICATORS.get(i);
					var completion = row.completion().get(indicator.field());
					assertThat(table.get(i).subList(1, 4)).as(row.unitName() + " " + indicator).containsExactly(
							YearEndDocument.figure(indicator, row.yearToDate().of(indicator)),
							completion == null || completion.target() == null ? "—"
									: YearEndDocument.figure(indicator, completion.target()),
							YearEndDocument.percent(completion));
				}
			}
			// and the hand count for 华龙区 (other tests may add nothing in 2033)
			List<List<String>> hl = rows(tableAfter(doc, "华龙区"));
			assertThat(hl.get(0)).containsExactly("签约项目（个）", "1", "2", "50.0%");
			assertThat(hl.get(1)).containsExactly("合同投资额（万元）", "1,000.00", "5,000.00", "20.0%");
			assertThat(hl.get(2)).containsExactly("开工项目（个）", "1", "1", "100.0%");
			assertThat(hl.get(4)).containsExactly("实际到位资金（万元）", "300.00", "1,200.00", "25.0%");
			assertThat(hl.get(5)).containsExactly("其中省外资金（万元）", "120.00", "—", "—");
			assertThat(model.rows().stream().filter(r -> r.unitId().value() == hualong).findFirst().orElseThrow()
				.yearToDate().contractedInvestment()).isEqualByComparingTo(new BigDecimal("1000.00"));

			String text = new XWPFWordExtractor(doc).getText();
			assertThat(text).contains("2033年度全市招商引资工作总结", "本年度尚未发布季度排名。", "2033年半年观摩",
					"先进单位", "全年签约、开工和到位资金目标完成较好", "刘洋", "无主观故意且主动纠正，予以免责", "2033-11-20")
				.doesNotContain("临时项目");
			List<List<String>> observation = rows(tableAfter(doc, "2033年半年观摩"));
			assertThat(observation).containsExactly(List.of("1", "华龙区", "1", "88.50"));
		}
	}

	/** The first table after the paragraph that contains the text. */
	static XWPFTable tableAfter(XWPFDocument doc, String text) {
		boolean seen = false;
		for (IBodyElement element : doc.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph && paragraph.getText().contains(text)) {
				seen = true;
			}
			else if (seen && element instanceof XWPFTable table) {
				return table;
			}
		}
		throw new AssertionError("no table after " + text);
	}

	static List<List<String>> rows(XWPFTable table) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i < table.getNumberOfRows(); i++) {
			rows.add(table.getRow(i).getTableCells().stream().map(c -> c.getText().strip()).toList());
		}
		return rows;
	}

	long project(String code, long unit, String stage) {
		String investor = "年终测试投资" + code;
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", investor).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", investor).query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :m, :investor, :u, :chain, 'NEW', :stage, 'ACTIVE', 1000)""")
			.param("code", code)
			.param("name", "年终测试项目" + code)
			.param("m", merchant)
			.param("investor", investor)
			.param("u", unit)
			.param("chain", Demo.chain(jdbc, "chemical"))
			.param("stage", stage)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""").param("p", id).param("u", unit).update();
		return id;
	}

	void move(long project, String from, String to, String date, String amount) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    amount, state, submitted_by, submitted_at)
				VALUES (:p, :from, :to, 'ACTIVE', 'ACTIVE', :d, :amount, 'APPLIED', 'test', :at)""")
			.param("p", project)
			.param("from", from)
			.param("to", to)
			.param("d", LocalDate.parse(date))
			.param("amount", amount == null ? null : new BigDecimal(amount), java.sql.Types.NUMERIC)
			.param("at", OffsetDateTime.parse(date + "T10:00+08:00"))
			.update();
		counted.refresh(List.of(project));
	}

}
