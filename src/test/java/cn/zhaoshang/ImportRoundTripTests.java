package cn.zhaoshang;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.internal.MerchantImport;
import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.merchant.internal.RegisterMerchant;
import cn.zhaoshang.merchant.talent.TalentForm;
import cn.zhaoshang.merchant.talent.TalentImport;
import cn.zhaoshang.merchant.talent.TalentRelation;
import cn.zhaoshang.merchant.talent.Talents;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.XlsxText;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.internal.ProjectImport;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every workbook the platform writes imports back to exactly the same values (issue 7, item 3), on H2 and
 * PostgreSQL: for each import/export pair, records with hostile texts (escape-looking {@code _x0041_}, line breaks,
 * tabs, CJK, emoji, right-to-left scripts, formula-looking texts) are created, exported through the download, and
 * imported back: nothing is created or updated and every text reads back as it was. The texts come from a fixed
 * seed so that a failure reproduces. They carry no leading or trailing blanks: every import trims its cells, as
 * documented.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportRoundTripTests {

	static final List<String> HOSTILE = List.of("X_x0041_Y", "_x000D_", "_x005F_", "_x005F_x0041_", "a_x0000_b",
			"_x0041", "_X0041_", "line\r\nbreak", "cr\ronly", "lf\nonly", "tab\there", "濮阳市招商引资", "😀🇨🇳👨‍👩‍👧",
			"שלום", "عربى", "\u202Ertl", "=1+1", "+86 393", "-1", "@SUM(A1)", "'quoted", "<t>&amp;</t>", "\"q\"", "%_\\",
			"Ǆ ǅ ǆ", "ｆｕｌｌ");

	static final int RECORDS = 6;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Chains chains;

	@Autowired
	ProjectImport projectImport;

	@Autowired
	MerchantRegistry merchants;

	@Autowired
	RegisterMerchant register;

	@Autowired
	MerchantImport merchantImport;

	@Autowired
	LogClue logClue;

	@Autowired
	ClueImport clueImport;

	@Autowired
	Talents talents;

	@Autowired
	TalentImport talentImport;

	final Random random = new Random(7_003L);

	CurrentUser user() {
		return accounts.loadUserByUsername("hualong");
	}

	/** One to three hostile fragments (and a random letter), stripped, at most max characters, never blank. */
	String hostile(int max) {
		var sb = new StringBuilder();
		int parts = 1 + random.nextInt(3);
		for (int i = 0; i < parts; i++) {
			sb.append(HOSTILE.get(random.nextInt(HOSTILE.size()))).append(i + 1 < parts ? " " : "");
		}
		sb.append((char) ('a' + random.nextInt(26)));
		String text = sb.toString().strip();
		if (text.length() > max) {
			text = text.substring(text.length() - max);
			// never half a surrogate pair
			text = Character.isLowSurrogate(text.charAt(0)) ? text.substring(1) : text;
		}
		return text.strip();
	}

	String marker() {
		return "往返" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
	}

	byte[] download(String url, String q) throws Exception {
		var response = mvc.perform(get(url).param("q", q).with(as(accounts, "hualong"))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	@Test
	void ledger_rows_with_hostile_texts_export_and_import_back_unchanged() throws Exception {
		String m = marker();
		List<String> headers = List.of("项目名称", "投资方", "落地单位", "所属产业链", "项目类型", "计划总投资（万元）", "项目阶段", "责任领导",
				"首席服务员", "是否重点项目", "最新进展");
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			rows.add(List.of(m + i + " " + hostile(150), m + i + "投资有限公司", "华龙区", "化工", "新建", "1000.5", "在谈",
					hostile(50), hostile(50), "否", hostile(2000)));
		}
		assertThat(projectImport.execute(workbook(headers, rows), user())).isEqualTo(cn.zhaoshang.platform.ImportResult.of(RECORDS, 0, 0));
		var stored = projects(m);
		assertThat(stored).containsExactlyElementsOf(
				rows.stream().map(r -> List.of(r.get(0), r.get(7), r.get(8), r.get(10))).toList());

		byte[] export = download("/projects/export.xlsx", m);
		assertThat(projectImport.execute(export, user())).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, RECORDS));
		assertThat(projects(m)).isEqualTo(stored);
	}

	private List<List<String>> projects(String m) {
		return jdbc.sql("SELECT name, leader_name, chief_attendant_name, latest_progress FROM project WHERE name LIKE :m "
				+ "ORDER BY name").param("m", m + "%").query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
						rs.getString(3), rs.getString(4))).list();
	}

	@Test
	void enterprises_with_hostile_texts_export_and_import_back_unchanged() throws Exception {
		String m = marker();
		Map<Long, List<String>> created = new LinkedHashMap<>();
		for (int i = 0; i < RECORDS; i++) {
			var in = new MerchantInput(m + i + "科技有限公司", null, EnterpriseType.PRIVATE, hostile(200), List.of(),
					hostile(200), EnterpriseSize.MEDIUM, false, false, false, Set.of(), List.of(), null, hostile(1000),
					List.of(), null);
			long id = register.execute(in, user());
			created.put(id, List.of(in.headquarters(), in.chainLinks(), in.remarks()));
		}
		created.forEach((id, texts) -> assertThat(merchantTexts(id)).isEqualTo(texts));

		byte[] export = download("/merchants/export.xlsx", m);
		assertThat(merchantImport.execute(export, user())).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, RECORDS));
		created.forEach((id, texts) -> assertThat(merchantTexts(id)).isEqualTo(texts));
	}

	private List<String> merchantTexts(long id) {
		MerchantRecord r = merchants.get(id);
		return List.of(r.headquarters(), r.chainLinks(), r.remarks());
	}

	@Test
	void clues_with_hostile_texts_export_and_import_back_unchanged() throws Exception {
		String m = marker();
		long chain = chains.findByName("化工").orElseThrow().id().value();
		long unit = user().unitId().value();
		List<List<String>> created = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			var details = new ClueDetails(m + i + " " + hostile(150), m + i + "企业", null, chain, hostile(100), null,
					null, ClueSource.OTHER, null, hostile(200), unit, null, "", null);
			logClue.execute(details, user());
			created.add(List.of(details.clueTitle(), details.chainLink(), details.sourceCredit()));
		}
		assertThat(clueTexts(m)).containsExactlyElementsOf(created);

		byte[] export = download("/clues/export.xlsx", m);
		assertThat(clueImport.execute(export, user())).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, RECORDS));
		assertThat(clueTexts(m)).containsExactlyElementsOf(created);
	}

	private List<List<String>> clueTexts(String m) {
		return jdbc.sql("SELECT title, chain_link, source_credit FROM clue WHERE title LIKE :m ORDER BY title")
			.param("m", m + "%")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Test
	void talents_with_hostile_texts_export_and_import_back_unchanged() throws Exception {
		String m = marker();
		List<List<String>> created = new ArrayList<>();
		for (int i = 0; i < RECORDS; i++) {
			var form = new TalentForm(m + i, "新材料", hostile(100), m + i + "大学", "上海", TalentRelation.NATIVE,
					hostile(200), hostile(50), "", "", "", hostile(1000), null, List.of(), List.of(), null);
			talents.create(form, user());
			created.add(List.of(form.title(), form.relationNote(), form.level(), form.remarks()));
		}
		assertThat(talentTexts(m)).containsExactlyElementsOf(created);

		byte[] export = download("/talents/export.xlsx", m);
		assertThat(talentImport.execute(export, user())).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, RECORDS));
		assertThat(talentTexts(m)).containsExactlyElementsOf(created);
	}

	private List<List<String>> talentTexts(String m) {
		return jdbc.sql("SELECT title, relation_note, level, remarks FROM talent WHERE name LIKE :m ORDER BY name")
			.param("m", m + "%")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A workbook as this platform's writers write one: texts through {@link XlsxText#set}. */
	static byte[] workbook(List<String> headers, List<List<String>> rows) throws IOException {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet("s");
			var header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				XlsxText.set(header.createCell(c), headers.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					XlsxText.set(row.createCell(c), rows.get(r).get(c));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
