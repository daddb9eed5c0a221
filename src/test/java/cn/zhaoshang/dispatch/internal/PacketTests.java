package cn.zhaoshang.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.dispatch.DispatchRoundClosed;
import cn.zhaoshang.dispatch.DispatchRoundId;
import cn.zhaoshang.dispatch.ReportStatus;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

/**
 * The meeting packet on a real database: a round over the demo data's period with two counties' active projects,
 * one report submitted with a problem. The packet's summary table is read back (POI) and each unit's figures are
 * compared with sums computed here straight from project_funds and project_stage_move; once the round is closed the
 * figures stay as frozen while the ledger changes. The .pdf carries the same Chinese text (CJK font).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PacketTests {

	static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 11, 30);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoundStore rounds;

	@Autowired
	ScopeStore scope;

	@Autowired
	ApplicationEventPublisher events;

	long round;

	long reported;

	@BeforeEach
	void aRoundOverTwoCounties() {
		round = rounds.insert("2026年第5次（9-10月）项目调度", FROM, TO, TO.plusDays(5), null, "李明", "city",
				Instant.now());
		List<long[]> projects = jdbc.sql("""
				SELECT p.id, p.unit_id FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE u.code IN ('hualong', 'qingfeng') AND p.status = 'ACTIVE' AND p.stage <> 'IN_PRODUCTION'
				ORDER BY p.id""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		for (long[] p : projects) {
			scope.add(round, p[0], p[1], Instant.now());
		}
		reported = jdbc.sql("""
				SELECT s.project_id FROM dispatch_scope s JOIN unit u ON u.id = s.unit_id
				WHERE s.round_id = :r AND u.code = 'hualong' ORDER BY s.project_id FETCH FIRST 1 ROWS ONLY""")
			.param("r", round).query(Long.class).single();
		var row = scope.find(round, reported).orElseThrow();
		scope.saveReport(row, row.version(), "完成土地摘牌，厂房主体封顶", "年底前设备进场", ReportStatus.SUBMITTED, "hualong",
				Instant.now());
		jdbc.sql("""
				INSERT INTO dispatch_problem (round_id, project_id, text, owner_name, due)
				VALUES (:r, :p, '电力增容需协调供电公司', '市发改委', :due)""")
			.param("r", round).param("p", reported).param("due", LocalDate.of(2026, 12, 31)).update();
	}

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	/** Funds in place of a unit's projects in scope, months in the period, straight from the ledger. */
	BigDecimal ledgerFunds(String unit) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(f.funds_in_place), 0) FROM project_funds f
				JOIN dispatch_scope s ON s.project_id = f.project_id AND s.round_id = :r
				JOIN unit u ON u.id = s.unit_id
				WHERE u.name = :unit AND f.funds_month BETWEEN :from AND :to""")
			.param("r", round).param("unit", unit).param("from", FROM).param("to", TO)
			.query(BigDecimal.class).single();
	}

	long ledgerMoves(String unit) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM project_stage_move m
				JOIN dispatch_scope s ON s.project_id = m.project_id AND s.round_id = :r
				JOIN unit u ON u.id = s.unit_id
				WHERE u.name = :unit AND m.state IN ('APPLIED', 'APPROVED') AND m.from_stage <> m.to_stage
				  AND m.move_date BETWEEN :from AND :to""")
			.param("r", round).param("unit", unit).param("from", FROM).param("to", TO)
			.query(Long.class).single();
	}

	long inScope(String unit) {
		return jdbc.sql("SELECT COUNT(*) FROM dispatch_scope s JOIN unit u ON u.id = s.unit_id "
				+ "WHERE s.round_id = :r AND u.name = :unit").param("r", round).param("unit", unit)
			.query(Long.class).single();
	}

	byte[] docx(String username) throws Exception {
		return mvc.perform(get("/api/v1/dispatch-rounds/" + round + "/packet.docx").with(as(username)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	/** The summary table's rows (unit, projects, reported, stage moves, funds), totals last. */
	static List<List<String>> summary(XWPFDocument doc) {
		XWPFTable table = doc.getTables().get(0);
		List<List<String>> rows = new ArrayList<>();
		for (int r = 1; r < table.getRows().size(); r++) {
			List<String> cells = new ArrayList<>();
			table.getRow(r).getTableCells().forEach(c -> cells.add(c.getText()));
			rows.add(cells);
		}
		return rows;
	}

	void assertFiguresEqualTheLedger(byte[] docx) throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var rows = summary(doc);
			assertThat(rows).extracting(r -> r.get(0)).containsExactly("华龙区", "清丰县", "合计");
			BigDecimal total = BigDecimal.ZERO;
			for (var r : rows.subList(0, 2)) {
				String unit = r.get(0);
				assertThat(r.get(1)).as(unit + " projects").isEqualTo(String.valueOf(inScope(unit)));
				assertThat(r.get(3)).as(unit + " stage moves").isEqualTo(String.valueOf(ledgerMoves(unit)));
				assertThat(r.get(4)).as(unit + " funds").isEqualTo(PacketDocument.amount(ledgerFunds(unit)));
				total = total.add(ledgerFunds(unit));
			}
			assertThat(rows.get(0).get(2)).as("reported").isEqualTo("1");
			assertThat(rows.get(2).get(4)).isEqualTo(PacketDocument.amount(total));
			assertThat(total).as("the demo data has funds in the period").isPositive();
		}
	}

	@Test
	void the_packets_figures_equal_the_ledgers_while_open_and_once_closed() throws Exception {
		byte[] open = docx("city");
		assertFiguresEqualTheLedger(open);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(open)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("2026年第5次（9-10月）项目调度会议材料", "一、基本情况", "二、各单位调度汇总",
					"三、各单位项目调度情况", "（一）华龙区", "（二）清丰县", "完成土地摘牌，厂房主体封顶", "年底前设备进场",
					"四、需协调解决的问题", "电力增容需协调供电公司", "市发改委", "五、无明显进展（停滞）项目",
					"六、领导联系项目（一带三）", "实时数据");
		}

		rounds.close(round, "city", Instant.now());
		scope.freeze(rounds.find(round).orElseThrow());
		events.publishEvent(new DispatchRoundClosed(new DispatchRoundId(round)));
		byte[] closed = docx("city");
		assertFiguresEqualTheLedger(closed);
		Files.createDirectories(Path.of("target/documents"));
		Files.write(Path.of("target/documents/dispatch-packet.docx"), closed);

		// the ledger changes after closing: the packet keeps the frozen figures
		try (var doc = new XWPFDocument(new ByteArrayInputStream(closed))) {
			String before = summary(doc).get(0).get(4);
			int changed = jdbc.sql("UPDATE project_funds SET funds_in_place = funds_in_place + 999 "
					+ "WHERE project_id = :p AND funds_month BETWEEN :from AND :to")
				.param("p", reported).param("from", FROM).param("to", TO).update();
			if (changed == 0) {
				jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (:p, :m, 999)")
					.param("p", reported).param("m", FROM).update();
			}
			assertThat(PacketDocument.amount(ledgerFunds("华龙区"))).isNotEqualTo(before);
			try (var again = new XWPFDocument(new ByteArrayInputStream(docx("city")))) {
				assertThat(summary(again).get(0).get(4)).isEqualTo(before);
			}
		}
	}

	@Test
	void a_unit_gets_its_own_section_only() throws Exception {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx("hualong")))) {
			assertThat(summary(doc)).extracting(r -> r.get(0)).containsExactly("华龙区", "合计");
		}
	}

	@Test
	void the_pdf_packet_reads_back_with_the_chinese_text() throws Exception {
		byte[] pdf = mvc.perform(get("/dispatch/rounds/" + round + "/packet.pdf").with(as("city")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		Files.createDirectories(Path.of("target/documents"));
		Files.write(Path.of("target/documents/dispatch-packet.pdf"), pdf);
		var reader = new PdfReader(pdf);
		var extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= reader.getNumberOfPages(); i++) {
			text.append(extractor.getTextFromPage(i));
		}
		assertThat(text.toString()).contains("华龙区", "清丰县", "合计", "各单位调度汇总",
				PacketDocument.amount(ledgerFunds("华龙区")));
	}

	@Test
	void english_headings_number_with_digits_and_chinese_with_numerals() {
		var zh = new PacketDocument(messages(), Locale.SIMPLIFIED_CHINESE);
		assertThat(zh.n(1)).isEqualTo("一");
		assertThat(zh.n(10)).isEqualTo("十");
		assertThat(zh.n(12)).isEqualTo("十二");
		assertThat(zh.n(20)).isEqualTo("二十");
		assertThat(zh.n(23)).isEqualTo("二十三");
		assertThat(new PacketDocument(messages(), Locale.ENGLISH).n(12)).isEqualTo("12");
	}

	@Autowired
	cn.zhaoshang.platform.document.DocumentGenerator documents;

	/**
	 * Counts carry thousands separators like the amounts (the totals row of a round of 2,000 projects read 2000), and
	 * every row of a long table reads back as written: the rows after the first are written as XML copies of
	 * prepared cells (DocxWriter), with their line breaks, weight and alignment.
	 */
	@Test
	void counts_have_thousands_separators_and_every_row_reads_back() throws Exception {
		var header = new Packet.Header("濮阳市商务局", "2026年第5次项目调度", java.time.LocalDate.of(2026, 9, 1),
				java.time.LocalDate.of(2026, 10, 31), java.time.LocalDate.of(2026, 11, 5), null, true,
				java.time.LocalDate.of(2026, 11, 6), 2);
		var units = List.of(new Packet.UnitSummary("华龙区", 1200, 1100, 1001, new BigDecimal("1234567.5")),
				new Packet.UnitSummary("清丰县", 800, 400, 9, new BigDecimal("0.25")));
		List<Packet.ProjectReport> reports = new ArrayList<>();
		for (int i = 1; i <= 300; i++) {
			reports.add(new Packet.ProjectReport("P-" + i, "项目" + i, "已签约", "已提交", i % 2 == 0 ? "进展" + i : null,
					0, new BigDecimal(i * 1000), i % 3 == 0 ? List.of("问题甲", "问题乙") : List.of(), "下一步"));
		}
		var stalled = List.of(new Packet.StalledLine("清丰县", "P-9", "项目9", 1234, "第1次、第2次"));
		var packet = new Packet(header, units, List.of(new Packet.UnitSection("华龙区", reports)), List.of(), stalled,
				List.of());
		byte[] docx = documents.write(new PacketDocument(messages(), Locale.SIMPLIFIED_CHINESE).of(packet),
				cn.zhaoshang.platform.document.DocumentFormat.DOCX);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var rows = summary(doc);
			assertThat(rows).containsExactly(List.of("华龙区", "1,200", "1,100", "1,001", "1,234,567.50"),
					List.of("清丰县", "800", "400", "9", "0.25"),
					List.of("合计", "2,000", "1,500", "1,010", "1,234,567.75"));
			// the totals row is bold, its figures right-aligned, like the API-written rows
			var totals = doc.getTables().get(0).getRow(3);
			assertThat(totals.getCell(1).getParagraphs().get(0).getAlignment())
				.isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT);
			assertThat(totals.getCell(0).getParagraphs().get(0).getAlignment())
				.isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT);
			assertThat(totals.getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
			assertThat(doc.getTables().get(0).getRow(2).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold())
				.isFalse();
			assertThat(doc.getTables().get(0).getRow(2).getCell(1).getWidth())
				.isEqualTo(doc.getTables().get(0).getRow(0).getCell(1).getWidth());
			XWPFTable section = doc.getTables().get(1);
			assertThat(section.getRows()).hasSize(301);
			for (int i = 1; i <= 300; i++) {
				var row = section.getRow(i);
				assertThat(row.getCell(0).getText()).as("row " + i).isEqualTo("P-" + i + "\n项目" + i);
				assertThat(row.getCell(2).getText()).isEqualTo(PacketDocument.amount(new BigDecimal(i * 1000)));
				assertThat(row.getCell(3).getText()).isEqualTo(i % 2 == 0 ? "进展" + i : "—");
				assertThat(row.getCell(4).getText()).isEqualTo(i % 3 == 0 ? "问题甲\n问题乙" : "—");
			}
			XWPFTable stalledTable = doc.getTables().get(2);
			assertThat(stalledTable.getRow(1).getCell(3).getText()).isEqualTo("1,234");
		}
	}

	@Autowired
	org.springframework.context.MessageSource messageSource;

	org.springframework.context.MessageSource messages() {
		return messageSource;
	}
}
