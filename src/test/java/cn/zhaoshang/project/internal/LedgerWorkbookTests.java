package cn.zhaoshang.project.internal;

import static cn.zhaoshang.project.LedgerSheets.project;
import static cn.zhaoshang.project.LedgerSheets.unique;
import static cn.zhaoshang.project.LedgerSheets.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The ledger workbook: export of the filtered list, the round trip through the import, the empty template. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LedgerWorkbookTests {

	static final List<String> EXPORT_HEADERS = new ArrayList<>(LedgerSheets.HEADERS);
	static {
		EXPORT_HEADERS.addAll(List.of("项目编号", "项目状态", "合同投资额（万元）", "已到位资金（万元）", "待补证据", "洽谈日期",
				"注册日期"));
	}

	@Autowired
	LedgerWorkbook workbook;

	@Autowired
	LedgerTemplate template;

	@Autowired
	ProjectImport imports;

	@Autowired
	ProjectQueries queries;

	@Autowired
	DataScopes scopes;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	CurrentUser as(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static ProjectFilter named(String q) {
		return new ProjectFilter(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, "name", "asc", null);
	}

	byte[] export(ProjectFilter filter, CurrentUser user) throws IOException {
		var out = new ByteArrayOutputStream();
		workbook.export(filter, user, out);
		return out.toByteArray();
	}

	/** Three projects of 华龙区 whose names start with the prefix: 在谈, 签约 with a key flag, 投产 foreign-funded. */
	void importThree(String prefix, CurrentUser user) {
		var a = project(prefix + "甲");
		a.put("责任领导", "王强");
		a.put("最新进展", "正在洽谈");
		var b = project(prefix + "乙");
		b.put("统一社会信用代码", LedgerSheets.uscc());
		b.put("项目阶段", "签约");
		b.put("签约日期", LocalDate.of(2025, 3, 1));
		b.put("是否重点项目", "是");
		b.put("计划总投资（万元）", 88.8);
		var c = project(prefix + "丙");
		c.put("项目类型", "外资");
		c.put("外资（万美元）", 12.34);
		c.put("项目阶段", "投产");
		c.put("签约日期", LocalDate.of(2024, 1, 10));
		c.put("开工日期", LocalDate.of(2024, 5, 1));
		c.put("投产日期", LocalDate.of(2025, 1, 1));
		imports.execute(xlsx(List.of(a, b, c)), user);
	}

	@Test
	void the_export_of_a_filtered_list_has_its_rows_with_numbers_as_numbers_and_dates_as_dates() throws IOException {
		var user = as("hualong");
		String prefix = unique("导出");
		importThree(prefix, user);
		importThree(unique("不在筛选内"), user);
		ProjectFilter filter = named(prefix);
		var list = queries.list(filter, scopes.of(user), 1, 50);

		byte[] file = export(filter, user);

		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("项目台账");
			List<String> headers = new ArrayList<>();
			sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).isEqualTo(EXPORT_HEADERS);
			assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getLastRowNum()).isEqualTo(list.totals().count()).isEqualTo(3);
			// the list's order is the export's order: name ascending → 丙, 乙, 甲
			for (int i = 0; i < list.items().size(); i++) {
				assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(list.items().get(i).name());
			}
			Row c = sheet.getRow(1);
			var first = list.items().get(0);
			assertThat(c.getCell(0).getStringCellValue()).isEqualTo(prefix + "丙");
			assertThat(c.getCell(1).getStringCellValue()).isEqualTo(first.investorName());
			assertThat(c.getCell(3).getStringCellValue()).isEqualTo("华龙区");
			assertThat(c.getCell(4).getStringCellValue()).isEqualTo("化工");
			assertThat(c.getCell(5).getStringCellValue()).isEqualTo("外资");
			assertThat(c.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(c.getCell(6).getNumericCellValue()).isEqualTo(1000.5);
			assertThat(c.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(c.getCell(7).getNumericCellValue()).isEqualTo(12.34);
			assertThat(c.getCell(8).getStringCellValue()).isEqualTo("投产");
			for (int col = 9; col <= 11; col++) {
				assertThat(c.getCell(col).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(DateUtil.isCellDateFormatted(c.getCell(col))).isTrue();
				assertThat(c.getCell(col).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			}
			assertThat(c.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
			assertThat(c.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 1));
			assertThat(c.getCell(14).getStringCellValue()).isEqualTo("否");
			assertThat(c.getCell(16).getStringCellValue()).isEqualTo(first.code());
			assertThat(c.getCell(17).getStringCellValue()).isEqualTo("正常推进");
			assertThat(c.getCell(20).getStringCellValue()).isEqualTo("是");
			Row b = sheet.getRow(2);
			assertThat(b.getCell(2).getStringCellValue()).hasSize(18);
			assertThat(b.getCell(14).getStringCellValue()).isEqualTo("是");
			assertThat(b.getCell(10).getCellType()).as("no date, no value").isEqualTo(CellType.BLANK);
			Row a = sheet.getRow(3);
			assertThat(a.getCell(12).getStringCellValue()).isEqualTo("王强");
			assertThat(a.getCell(15).getStringCellValue()).isEqualTo("正在洽谈");
		}
	}

	@Test
	void an_exported_list_imports_again_with_nothing_new_and_nothing_changed() throws IOException {
		var user = as("hualong");
		String prefix = unique("往返");
		importThree(prefix, user);
		long before = jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();

		var result = imports.execute(export(named(prefix), user), user);

		assertThat(result).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, 3));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void an_export_holds_only_the_projects_the_user_may_read() throws IOException {
		// a unit of its own, so the expected set is known exactly: its three projects, and none of 华龙区's
		String unit = unique("范围县");
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (?, ?, 'COUNTY')").params(unit, unit).update();
		String ownPrefix = unique("范围内");
		var own = new ArrayList<java.util.Map<String, Object>>();
		for (String suffix : List.of("甲", "乙", "丙")) {
			var row = project(ownPrefix + suffix);
			row.put("落地单位", unit);
			own.add(row);
		}
		imports.execute(xlsx(own), as("admin"));
		String otherPrefix = unique("范围外");
		importThree(otherPrefix, as("hualong"));
		// an account whose data scope is its own unit only (the intermediary rule: readAll = false)
		String username = jdbc.sql("SELECT username FROM app_user WHERE id = ?")
			.param(cn.zhaoshang.support.TestUsers.create(jdbc, "INTERMEDIARY", unit, unit + "@scope.test", "zh-CN").value())
			.query(String.class)
			.single();
		assertThat(scopes.of(as(username)).readAll()).isFalse();

		var rows = LedgerSheets.read(export(ProjectFilter.none(), as(username)), 0);

		List<Object> names = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
		assertThat(names).containsExactlyInAnyOrder(ownPrefix + "甲", ownPrefix + "乙", ownPrefix + "丙");
		assertThat(names).noneMatch(n -> String.valueOf(n).startsWith(otherPrefix));
		var all = LedgerSheets.read(export(named(otherPrefix), as("admin")), 0);
		assertThat(all).as("the other unit's rows exist and are exported to those who may read them").hasSize(4);
	}

	@Test
	void the_template_has_the_sixteen_import_headers_and_a_sheet_explaining_each() throws IOException {
		var out = new ByteArrayOutputStream();
		template.write(as("qingfeng"), out);

		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(2);
			Sheet ledger = wb.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			ledger.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).isEqualTo(LedgerSheets.TEMPLATE_HEADERS);
			assertThat(ledger.getLastRowNum()).isZero();
			// stage, chain and key project; the type column has none, since types combine (返乡创业、外资)
			assertThat(ledger.getDataValidations()).hasSize(3);
			int typeColumn = headers.indexOf("项目类型");
			assertThat(ledger.getDataValidations())
				.noneMatch(v -> java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
					.anyMatch(r -> r.getFirstColumn() == typeColumn));
			assertThat(ledger.getColumnStyle(6).getDataFormatString()).as("计划总投资（万元）").isEqualTo("0.00");
			assertThat(ledger.getColumnStyle(9).getDataFormatString()).as("签约日期").isEqualTo("yyyy-mm-dd");
			assertThat(ledger.getRow(0).getCell(6).getCellComment().getString().getString()).startsWith("必填。数字，单位万元");
			Sheet help = wb.getSheet("填写说明");
			List<String> text = new ArrayList<>();
			help.forEach(r -> r.forEach(c -> text.add(c.getStringCellValue())));
			assertThat(text).containsAll(LedgerSheets.TEMPLATE_HEADERS);
			assertThat(String.join("\n", text)).contains("在谈、签约、开工、投产")
				.contains("新建、增资扩产、返乡创业、外资")
				.contains("只能填写您有权编辑的单位：清丰县")
				.doesNotContain("华龙区");
		}
	}
}
