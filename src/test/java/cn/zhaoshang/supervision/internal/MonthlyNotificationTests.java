package cn.zhaoshang.supervision.internal;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.support.MockMvcTestSupport;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * The monthly notification (issue 11, ADR 0014) on H2 and PostgreSQL, on a small ledger in 2013 (no other test
 * writes that year): A (华龙区) signed 2013-09-10 for 1,000.00 with 200.00 funds in September; B (濮阳县) signed
 * 2013-10-05 for 500.00 with 50.00 funds in October; targets 2013: 华龙区 2 signed and 1,000.00 funds, 濮阳县 1
 * signed. September is only ever generated (never published); October is published and then corrected.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyNotificationTests extends MockMvcTestSupport {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	static final ReportingPeriod SEPTEMBER = ReportingPeriod.parse("2013-09");

	static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2013-10");

	@Autowired
	SupervisionFigures figures;

	@Autowired
	Publications publications;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	long hualong;
	long puyang;
	long merchant;
	long chain;
	long a;
	long b;

	@BeforeAll
	void ledger() {
		hualong = unit("hualong");
		puyang = unit("puyang");
		chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('月通报测试投资有限公司', '月通报测试投资有限公司')").update();
		merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '月通报测试投资有限公司'").query(Long.class).single();
		a = project("A", hualong);
		move(a, "2013-09-10", "1000.00");
		funds(a, "2013-09-01", "200.00");
		b = project("B", puyang);
		move(b, "2013-10-05", "500.00");
		funds(b, "2013-10-01", "50.00");
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count, funds_in_place) VALUES (2013, :u, 2, 1000)")
			.param("u", hualong)
			.update();
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count) VALUES (2013, :u, 1)")
			.param("u", puyang)
			.update();
	}

	// ================================================================================ leaders going out (clause XV)

	@Test
	void the_notification_prints_each_persons_trips_against_the_minimum_of_the_position() throws Exception {
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (:u, '月通报指挥长', 'LEADER', 'HQ_COMMANDER')")
			.param("u", hualong)
			.update();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (:u, '月通报县长', 'LEADER', 'COUNTY_PRINCIPAL')")
			.param("u", puyang)
			.update();
		long commander = jdbc.sql("SELECT MAX(id) FROM person WHERE name = '月通报指挥长'").query(Long.class).single();
		long principal = jdbc.sql("SELECT MAX(id) FROM person WHERE name = '月通报县长'").query(Long.class).single();
		// the commander (2 trips a month) went twice in September, once approved in August, which does not count;
		// the county principal's only September trip is still waiting for approval
		trip(commander, "2013-09-02", "2013-09-03", "APPROVED");
		trip(commander, "2013-09-20", "2013-09-21", "APPROVED");
		trip(commander, "2013-08-20", "2013-08-21", "APPROVED");
		trip(principal, "2013-09-10", "2013-09-12", "SUBMITTED");

		byte[] docx = download(SEPTEMBER, "docx", "city");
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("五、领导外出招商", "六、下一步工作要求", "领导外出招商情况");
			Map<String, List<String>> byName = rows(table(doc, "职务"), 2);
			assertThat(byName.get("月通报指挥长")).containsSubsequence("华龙区", "月通报指挥长", "产业招商指挥部指挥长",
					"每月2次", "2", "4", "达到");
			assertThat(byName.get("月通报县长")).containsSubsequence("濮阳县", "月通报县长", "0", "0", "未达到");
			Map<String, List<String>> byUnit = rows(table(doc, "考核人数"));
			assertThat(byUnit.get("濮阳县").get(3)).contains("月通报县长");
			assertThat(byUnit.get("华龙区").get(3)).doesNotContain("月通报指挥长");
		}
		String page = mvc.perform(get("/supervision/monthly/2013-09").with(as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"trips-table\"").contains("trips-unit-" + puyang).contains("月通报县长");
	}

	private void trip(long person, String from, String to, String status) {
		jdbc.sql("INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, status) "
				+ "VALUES ((SELECT unit_id FROM person WHERE id = :p), :f, :t, '月通报测试', '拜访客商', :s)")
			.param("p", person)
			.param("f", LocalDate.parse(from))
			.param("t", LocalDate.parse(to))
			.param("s", status)
			.update();
		long id = jdbc.sql("SELECT MAX(id) FROM trip WHERE destination = '月通报测试'").query(Long.class).single();
		jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (:t, :p, 'LEADER')")
			.param("t", id)
			.param("p", person)
			.update();
	}

	/** The document's table whose header row holds the title. */
	private static XWPFTable table(XWPFDocument doc, String title) {
		return doc.getTables()
			.stream()
			.filter(t -> t.getRow(0).getTableCells().stream().anyMatch(c -> c.getText().strip().equals(title)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no table with the column " + title));
	}

	// ============================================================================ the document against the figures

	@Test
	void the_docx_shows_the_read_models_figures_per_indicator_unit_and_city() throws Exception {
		byte[] docx = download(SEPTEMBER, "docx", "city");
		SupervisionFigures.Result r = figures.of(SEPTEMBER);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("关于2013年9月份全市招商引资工作情况的通报", "一、总体情况", "三、目标完成排名",
					"无明显进展项目名单");
			List<XWPFTable> tables = doc.getTables();
			for (int i = 0; i < MonthlyDocument.INDICATORS.size(); i++) {
				TargetIndicator indicator = MonthlyDocument.INDICATORS.get(i);
				boolean count = indicator.kind() == TargetIndicator.Kind.COUNT;
				Map<String, List<String>> rows = rows(tables.get(i));
				for (UnitRow row : r.rows()) {
					assertThat(rows.get(row.unitName())).as(indicator + " " + row.unitName())
						.startsWith(row.unitName(), MonthlyDocument.figure(row.period().of(indicator), count),
								MonthlyDocument.figure(row.yearToDate().of(indicator), count));
				}
				assertThat(rows.get("合计")).as(indicator + " total").startsWith("合计",
						MonthlyDocument.figure(r.totals().of(indicator), count),
						MonthlyDocument.figure(r.totalsYearToDate().of(indicator), count));
			}
			// the hand count: 华龙区 signed 1 of 2 (50.0 %) at the pace of September (75.0 %); funds 200.00 of 1,000.00
			assertThat(rows(tables.get(0)).get("华龙区")).containsExactly("华龙区", "1", "1", "2", "50.0%", "75.0%");
			assertThat(rows(tables.get(4)).get("华龙区")).containsExactly("华龙区", "200.00", "200.00", "1,000.00", "20.0%",
					"75.0%");
			assertThat(rows(tables.get(0)).get("濮阳县")).containsExactly("濮阳县", "0", "0", "1", "0.0%", "75.0%");
			// ranking: 华龙区 (50.0 + 20.0) / 2 = 35.0 before 濮阳县 0.0
			Map<String, List<String>> ranking = rows(tables.get(MonthlyDocument.INDICATORS.size()), 1);
			assertThat(ranking.get("华龙区")).containsExactly("1", "华龙区", "35.0%", "2");
			assertThat(ranking.get("濮阳县")).containsExactly("2", "濮阳县", "0.0%", "1");
		}
		Files.createDirectories(Path.of("target/documents"));
		Files.write(Path.of("target/documents/monthly-2013-09.docx"), docx);
	}

	@Test
	void the_pdf_reads_back_with_the_chinese_title_and_figures() throws Exception {
		byte[] pdf = download(SEPTEMBER, "pdf", "city");
		assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		Files.createDirectories(Path.of("target/documents"));
		Files.write(Path.of("target/documents/monthly-2013-09.pdf"), pdf);
		var reader = new PdfReader(pdf);
		var extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= reader.getNumberOfPages(); i++) {
			text.append(extractor.getTextFromPage(i));
		}
		UnitRow hualongRow = figures.of(SEPTEMBER).rows().stream()
			.filter(r -> r.unitId().value() == hualong)
			.findFirst()
			.orElseThrow();
		assertThat(text.toString().replaceAll("\\s+", "")).contains("华龙区", "濮阳县", "合计", "目标完成排名",
				MonthlyDocument.figure(hualongRow.yearToDate().fundsInPlace(), false), "1,000.00", "35.0%");
	}

	@Test
	void september_generated_after_later_moves_and_funds_gives_septembers_figures() throws Exception {
		List<List<String>> before = allRows(download(SEPTEMBER, "docx", "city"));
		var figuresBefore = figures.of(SEPTEMBER);
		// later in the year: A gets November funds, a new project C signs in November
		funds(a, "2013-11-01", "999.00");
		long c = project("C", hualong);
		move(c, "2013-11-03", "700.00");
		List<List<String>> after = allRows(download(SEPTEMBER, "docx", "city"));
		assertThat(after).isEqualTo(before);
		assertThat(figures.of(SEPTEMBER)).isEqualTo(figuresBefore);
		// November does see them
		UnitRow november = figures.of(ReportingPeriod.parse("2013-11")).rows().stream()
			.filter(r -> r.unitId().value() == hualong)
			.findFirst()
			.orElseThrow();
		assertThat(november.period().fundsInPlace()).isEqualByComparingTo("999.00");
		assertThat(november.period().signedCount()).isEqualByComparingTo("1.0");
	}

	// ================================================================================= publish, freeze, corrections

	@Test
	void publishing_freezes_the_file_and_a_later_edit_is_listed_as_a_correction_with_then_and_now() throws Exception {
		// the bureau starts and edits the draft
		String body = mvc.perform(put("/api/v1/supervision/monthly/2013-10").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"docTitle\":\"关于2013年10月份全市招商引资工作情况的通报\",\"docNumber\":\"濮商务〔2013〕10号\","
					+ "\"docDate\":\"2013-11-05\",\"opening\":\"十月份总体平稳。\",\"closing\":\"继续努力。\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		int version = JsonPath.read(body, "$.version");
		// a stale version is refused
		mvc.perform(put("/api/v1/supervision/monthly/2013-10").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"docTitle\":\"x\",\"docDate\":\"2013-11-05\",\"version\":" + (version + 5) + "}"))
			.andExpect(status().isConflict());
		// a unit may neither edit nor publish
		mvc.perform(put("/api/v1/supervision/monthly/2013-10").header("Authorization", bearer("hualong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"docTitle\":\"x\",\"docDate\":\"2013-11-05\",\"version\":" + version + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/supervision/monthly/2013-10/publish").header("Authorization", bearer("hualong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + "}"))
			.andExpect(status().isForbidden());

		String published = mvc.perform(post("/api/v1/supervision/monthly/2013-10/publish")
			.header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.docNumber").value("濮商务〔2013〕10号"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long publicationId = ((Number) JsonPath.read(published, "$.publicationId")).longValue();
		// the home dashboard lists it among the latest publications, linked to its page
		String dashboard = mvc.perform(get("/api/v1/dashboard").header("Authorization", bearer("hualong")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.List<String> links = JsonPath.read(dashboard, "$.publications[*].link");
		assertThat(links).contains("/supervision/monthly/2013-10");
		byte[] docx = download(OCTOBER, "docx", "hualong");
		byte[] pdf = download(OCTOBER, "pdf", "city");
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("濮商务〔2013〕10号", "十月份总体平稳。", "继续努力。");
			assertThat(rows(doc.getTables().get(4)).get("濮阳县")).startsWith("濮阳县", "50.00", "50.00");
		}
		// published again: 409
		mvc.perform(post("/api/v1/supervision/monthly/2013-10/publish").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 1) + "}"))
			.andExpect(status().isConflict());
		assertThat(publications.figures(publicationId).totalsYearToDate().fundsInPlace()).isEqualByComparingTo("250.00");
		assertThat(publications.corrections(publicationId)).isEmpty();

		// B's October funds are corrected from 50.00 to 80.00 through the ledger's API
		mvc.perform(put("/api/v1/projects/" + b + "/funds/2013-10").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fundsInPlace\": 80, \"version\": 0}"))
			.andExpect(status().isOk());

		List<Publications.Correction> corrections = publications.corrections(publicationId);
		assertThat(corrections).extracting(c -> (c.unitId() == null ? "city" : c.unitName()) + " " + c.indicator() + " "
				+ c.scope() + " " + c.then().toPlainString() + " -> " + c.now().toPlainString())
			.containsExactlyInAnyOrder("濮阳县 fundsInPlace PERIOD 50.00 -> 80.00", "濮阳县 fundsInPlace YTD 50.00 -> 80.00",
					"city fundsInPlace PERIOD 50.00 -> 80.00", "city fundsInPlace YTD 250.00 -> 280.00");
		assertThat(corrections).allSatisfy(c -> {
			assertThat(c.projectId()).isEqualTo(b);
			assertThat(c.changedBy()).isEqualTo("city");
			assertThat(c.action()).isNotBlank();
		});
		// listed through the API, on the notification and on the publication
		mvc.perform(get("/api/v1/supervision/monthly/2013-10").header("Authorization", bearer("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.corrections.length()").value(4));
		mvc.perform(get("/api/v1/supervision/publications/" + publicationId).header("Authorization", bearer("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publication.kind").value("MONTHLY"))
			.andExpect(jsonPath("$.publication.corrections").value(4))
			.andExpect(jsonPath("$.corrections[0].then").exists());

		// the same figure again is not recorded twice; another write that leaves the figures alone adds nothing
		mvc.perform(put("/api/v1/projects/" + b + "/funds/2013-10").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fundsInPlace\": 80, \"note\": \"核对无误\", \"version\": 1}"))
			.andExpect(status().isOk());
		assertThat(publications.corrections(publicationId)).hasSize(4);

		// the published files never change, the snapshot neither; the bureau was told
		assertThat(download(OCTOBER, "docx", "city")).isEqualTo(docx);
		assertThat(download(OCTOBER, "pdf", "city")).isEqualTo(pdf);
		assertThat(publications.figures(publicationId).totalsYearToDate().fundsInPlace()).isEqualByComparingTo("250.00");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.recipient_id "
				+ "WHERE u.username = 'city' AND n.link = '/supervision/monthly/2013-10'").query(Long.class).single())
			.isGreaterThanOrEqualTo(1L);
	}

	@Test
	void a_month_not_over_cannot_be_published_and_a_bad_month_is_refused() throws Exception {
		String month = LocalDate.now().withDayOfMonth(1).toString().substring(0, 7);
		String body = mvc.perform(put("/api/v1/supervision/monthly/" + month).header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"docTitle\":\"本月\",\"docDate\":\"" + LocalDate.now() + "\"}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		int version = JsonPath.read(body, "$.version");
		mvc.perform(post("/api/v1/supervision/monthly/" + month + "/publish").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		mvc.perform(get("/api/v1/supervision/monthly/2013-13.docx").header("Authorization", bearer("city")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(put("/api/v1/supervision/monthly/2013-08").header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"docTitle\":\"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'docTitle')].message").value("通报标题：必须填写"));
		mvc.perform(get("/api/v1/supervision/monthly/2013-09.docx").header("Authorization", bearer("city")))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Published", "false"));
	}

	// ====================================================================================================== helpers

	private byte[] download(ReportingPeriod month, String ext, String user) throws Exception {
		return mvc.perform(get("/api/v1/supervision/monthly/" + month + "." + ext).header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	private static List<List<String>> allRows(byte[] docx) throws Exception {
		List<List<String>> all = new ArrayList<>();
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			for (XWPFTable t : doc.getTables()) {
				t.getRows().forEach(r -> all.add(r.getTableCells().stream().map(c -> c.getText()).toList()));
			}
		}
		return all;
	}

	private static Map<String, List<String>> rows(XWPFTable table) {
		return rows(table, 0);
	}

	/** The table's rows by the text of one column. */
	private static Map<String, List<String>> rows(XWPFTable table, int keyColumn) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		table.getRows().forEach(r -> {
			List<String> cells = r.getTableCells().stream().map(c -> c.getText()).toList();
			if (cells.size() > keyColumn) {
				rows.put(cells.get(keyColumn), cells);
			}
		});
		return rows;
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long project(String letter, long unit) {
		String code = "MON-2013-" + letter;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :m, '月通报测试投资有限公司', :u, :chain, 'NEW', 'SIGNED', 'ACTIVE', 1000)""")
			.param("code", code)
			.param("name", "月通报测试项目" + letter)
			.param("m", merchant)
			.param("u", unit)
			.param("chain", chain)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""")
			.param("p", id)
			.param("u", unit)
			.update();
		return id;
	}

	private void move(long project, String date, String amount) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    amount, state, submitted_by, submitted_at)
				VALUES (:p, 'NEGOTIATING', 'SIGNED', 'ACTIVE', 'ACTIVE', :d, :amount, 'APPLIED', 'test', :at)""")
			.param("p", project)
			.param("d", LocalDate.parse(date))
			.param("amount", new BigDecimal(amount))
			.param("at", OffsetDateTime.parse(date + "T10:00+08:00"))
			.update();
		counted.refresh(List.of(project));
	}

	private void funds(long project, String month, String inPlace) {
		var fundsBefore = fundsSums.snapshot(List.of(project));
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used)
				VALUES (:p, :m, :f, 0, 0)""")
			.param("p", project)
			.param("m", LocalDate.parse(month))
			.param("f", new BigDecimal(inPlace))
			.update();
		fundsSums.update(fundsBefore);
	}

	private String bearer(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached == null) {
			var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}"))
				.andExpect(status().isOk())
				.andReturn();
			cached = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
			TOKENS.put(user, cached);
		}
		return "Bearer " + cached;
	}
}
