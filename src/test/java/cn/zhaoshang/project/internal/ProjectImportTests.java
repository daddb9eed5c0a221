package cn.zhaoshang.project.internal;

import static cn.zhaoshang.project.LedgerSheets.project;
import static cn.zhaoshang.project.LedgerSheets.unique;
import static cn.zhaoshang.project.LedgerSheets.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The ledger import use case on a real database (H2 and PostgreSQL) with the demo units, people and accounts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ProjectImportTests {

	@Autowired
	ProjectImport imports;

	@Autowired
	ProjectRepository projects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	MessageSource messages;

	static final LocalDate TODAY = LocalDate.now();

	/** Signs the user in for the audit trail (the use case takes the user as a parameter, the auditor reads it). */
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

	long projectCount() {
		return jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
	}

	Project byName(String name) {
		return projects.findAll().stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
	}

	Long personId(String name) {
		return jdbc.sql("SELECT id FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	/** Errors as "row|column|reason in Chinese". */
	List<String> errors(ImportRejected e) {
		return e.errors()
			.stream()
			.map(x -> x.row() + "|" + x.column() + "|"
					+ messages.getMessage(x.messageKey(), x.args(), Locale.SIMPLIFIED_CHINESE))
			.toList();
	}

	@Test
	void a_valid_three_row_workbook_creates_three_projects_with_their_fields_stage_dates_and_amounts() {
		String a = unique("导入测试甲");
		String b = unique("导入测试乙");
		String c = unique("导入测试丙");
		String twin = unique("同名");
		jdbc.sql("""
				INSERT INTO person (unit_id, name, kind, title) VALUES
				 ((SELECT id FROM unit WHERE code = 'hualong'), :n, 'STAFF', 'x'),
				 ((SELECT id FROM unit WHERE code = 'qingfeng'), :n, 'STAFF', 'y')""").param("n", twin).update();
		String uscc = LedgerSheets.uscc();
		var rowA = project(a);
		rowA.put("责任领导", "王强");
		rowA.put("首席服务员", "张伟");
		rowA.put("是否重点项目", "是");
		rowA.put("最新进展", "已完成初步洽谈");
		var rowB = project(b);
		rowB.put("统一社会信用代码", uscc);
		rowB.put("项目阶段", "签约");
		rowB.put("签约日期", LocalDate.of(2025, 3, 1));
		rowB.put("计划总投资（万元）", "2,500.25");
		rowB.put("责任领导", twin);
		var rowC = project(c);
		rowC.put("项目类型", "外资");
		rowC.put("所属产业链", "装备制造");
		rowC.put("外资（万美元）", 300);
		rowC.put("项目阶段", "投产");
		rowC.put("签约日期", "2024-01-10");
		rowC.put("开工日期", LocalDate.of(2024, 5, 1));
		rowC.put("投产日期", "2025/1/1");
		rowC.put("首席服务员", "查无此人");
		long before = projectCount();

		var result = imports.execute(xlsx(List.of(rowA, rowB, rowC)), as("hualong"));

		assertThat(result).isEqualTo(cn.zhaoshang.platform.ImportResult.of(3, 0, 0));
		assertThat(projectCount()).isEqualTo(before + 3);
		Project pa = byName(a);
		assertThat(pa.code).matches("PY-\\d{4}-\\d{5}");
		assertThat(pa.investorName).isEqualTo(a + "投资有限公司");
		assertThat(pa.unitId).isEqualTo(jdbc.sql("SELECT id FROM unit WHERE name = '华龙区'").query(Long.class).single());
		assertThat(pa.chainId).isEqualTo(jdbc.sql("SELECT id FROM industry_chain WHERE name = '化工'").query(Long.class).single());
		assertThat(pa.type).isEqualTo(ProjectType.NEW);
		assertThat(pa.stage).isEqualTo(Stage.NEGOTIATING);
		assertThat(pa.status).isEqualTo(ProjectStatus.ACTIVE);
		assertThat(pa.plannedInvestment).isEqualByComparingTo("1000.50");
		assertThat(pa.foreignInvestment).isNull();
		assertThat(pa.keyProject).isTrue();
		assertThat(pa.evidencePending).isFalse();
		assertThat(pa.leaderId).isEqualTo(personId("王强"));
		assertThat(pa.chiefAttendantId).isEqualTo(personId("张伟"));
		assertThat(pa.namesUnmatched).isFalse();
		assertThat(pa.latestProgress).isEqualTo("已完成初步洽谈");
		assertThat(pa.latestProgressDate).isEqualTo(TODAY);
		assertThat(pa.createdBy).isEqualTo("hualong");

		Project pb = byName(b);
		assertThat(pb.stage).isEqualTo(Stage.SIGNED);
		assertThat(pb.signedDate).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(pb.plannedInvestment).isEqualByComparingTo("2500.25");
		assertThat(pb.evidencePending).as("historical import above 在谈 waits for evidence").isTrue();
		assertThat(pb.keyProject).isFalse();
		assertThat(pb.leaderName).isEqualTo(twin);
		assertThat(pb.leaderId).as("two people share the name").isNull();
		assertThat(pb.namesUnmatched).isTrue();
		assertThat(jdbc.sql("SELECT uscc FROM merchant WHERE id = :id").param("id", pb.merchantId)
			.query(String.class).single()).isEqualTo(uscc);

		Project pc = byName(c);
		assertThat(pc.stage).isEqualTo(Stage.IN_PRODUCTION);
		assertThat(pc.type).isEqualTo(ProjectType.FOREIGN);
		assertThat(pc.foreignInvestment).isEqualByComparingTo("300");
		assertThat(pc.signedDate).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(pc.commencedDate).isEqualTo(LocalDate.of(2024, 5, 1));
		assertThat(pc.productionDate).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(pc.evidencePending).isTrue();
		assertThat(pc.chiefAttendantName).isEqualTo("查无此人");
		assertThat(pc.chiefAttendantId).isNull();
		assertThat(pc.namesUnmatched).isTrue();

		for (Project p : List.of(pa, pb, pc)) {
			assertThat(jdbc.sql("""
					SELECT COUNT(*) FROM audit_entry
					WHERE record_type = 'project' AND record_id = :id AND action = 'IMPORT' AND actor = 'hualong'""")
				.param("id", String.valueOf(p.id))
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		// no stage events, but the history the figures count from (ADR 0012): one applied move per stage reached,
		// dated by the row's stage date (B signed: one; C in production: three)
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project_stage_move WHERE project_id IN (:ids)")
			.param("ids", List.of(pa.id, pb.id, pc.id)).query(Long.class).single())
			.as("an import writes an applied move per stage reached").isEqualTo(4);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM project_stage_move
				WHERE project_id = :id AND to_stage = 'SIGNED' AND state = 'APPLIED' AND move_date = :d""")
			.param("id", pb.id).param("d", pb.signedDate).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void importing_the_same_rows_again_creates_no_duplicates_and_reports_them_unchanged() {
		String a = unique("重复导入甲");
		var rowA = project(a);
		rowA.put("统一社会信用代码", LedgerSheets.uscc());
		rowA.put("项目阶段", "开工");
		rowA.put("签约日期", LocalDate.of(2025, 1, 2));
		rowA.put("开工日期", LocalDate.of(2025, 6, 1));
		rowA.put("责任领导", "王强");
		var rowB = project(unique("重复导入乙"));
		byte[] file = xlsx(List.of(rowA, rowB));
		assertThat(imports.execute(file, as("hualong"))).isEqualTo(cn.zhaoshang.platform.ImportResult.of(2, 0, 0));
		long count = projectCount();
		long audits = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'IMPORT'").query(Long.class).single();

		assertThat(imports.execute(file, as("hualong"))).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 0, 2));

		assertThat(projectCount()).isEqualTo(count);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'IMPORT'").query(Long.class).single())
			.as("an unchanged row writes nothing").isEqualTo(audits);
	}

	@Test
	void a_changed_amount_updates_the_existing_project_and_counts_as_updated() {
		String name = unique("改金额");
		var row = project(name);
		imports.execute(xlsx(List.of(row)), as("hualong"));
		Project first = byName(name);
		row.put("计划总投资（万元）", 2222.22);
		row.put("项目阶段", "签约");
		row.put("签约日期", LocalDate.of(2025, 8, 8));
		long count = projectCount();

		var result = imports.execute(xlsx(List.of(row)), as("hualong.staff"));

		assertThat(result).isEqualTo(cn.zhaoshang.platform.ImportResult.of(0, 1, 0));
		assertThat(projectCount()).isEqualTo(count);
		Project updated = byName(name);
		assertThat(updated.id).isEqualTo(first.id);
		assertThat(updated.code).isEqualTo(first.code);
		assertThat(updated.plannedInvestment).isEqualByComparingTo("2222.22");
		assertThat(updated.stage).isEqualTo(Stage.SIGNED);
		assertThat(updated.evidencePending).isTrue();
		assertThat(updated.version).isEqualTo(first.version + 1);
		String after = jdbc.sql("""
				SELECT after_json FROM audit_entry WHERE record_type = 'project' AND record_id = :id
				AND action = 'IMPORT' AND actor = 'hualong.staff'""")
			.param("id", String.valueOf(first.id))
			.query(String.class)
			.single();
		assertThat(after).contains("2222.22").contains("SIGNED");
	}

	/** One bad cell in row 3 (row 2 is valid): the exact row, column and reason, and nothing is saved. */
	static Stream<Arguments> badCells() {
		return Stream.of(
				bad("unknown unit", r -> r.put("落地单位", "不存在区"), "落地单位", "系统中没有名为“不存在区”的单位（请填写单位全称）"),
				bad("unit of another county", r -> r.put("落地单位", "清丰县"), "落地单位",
						"无权导入“清丰县”的项目：只能导入本单位及下级单位的项目"),
				bad("unknown chain", r -> r.put("所属产业链", "造船"), "所属产业链", "没有名为“造船”的产业链"),
				bad("bad stage word", r -> r.put("项目阶段", "已签约"), "项目阶段", "只能填写：在谈、签约、开工、投产"),
				bad("bad type word", r -> r.put("项目类型", "新项目"), "项目类型", "只能填写：新建、增资扩产、返乡创业、外资、外向型，多个类型用“、”分隔"),
				bad("bad yes/no word", r -> r.put("是否重点项目", "重点"), "是否重点项目", "只能填写“是”或“否”（留空视为“否”）"),
				bad("bad date", r -> {
					r.put("项目阶段", "签约");
					r.put("签约日期", "2025-13-01");
				}, "签约日期", "不是有效的日期：请填写 Excel 日期或 yyyy-MM-dd 格式的文字"),
				bad("future date", r -> {
					r.put("项目阶段", "签约");
					r.put("签约日期", TODAY.plusDays(30));
				}, "签约日期", "不能晚于今天"),
				bad("negative amount", r -> r.put("计划总投资（万元）", -5), "计划总投资（万元）", "不能为负数"),
				bad("three decimals", r -> r.put("计划总投资（万元）", 1.234), "计划总投资（万元）", "最多 2 位小数"),
				bad("three decimals as text", r -> r.put("外资（万美元）", "10.125"), "外资（万美元）", "最多 2 位小数"),
				bad("amount that is not a number", r -> r.put("计划总投资（万元）", "一千万"), "计划总投资（万元）", "不是有效的数字"),
				bad("bad USCC", r -> r.put("统一社会信用代码", "91410900MA12345678"), "统一社会信用代码",
						"不是有效的统一社会信用代码（18 位，校验位不符）"),
				bad("missing project name", r -> r.remove("项目名称"), "项目名称", "不能为空"),
				bad("blank investor", r -> r.put("投资方", "  "), "投资方", "不能为空"),
				bad("missing planned investment", r -> r.remove("计划总投资（万元）"), "计划总投资（万元）", "不能为空"),
				bad("signed without signing date", r -> r.put("项目阶段", "签约"), "签约日期", "项目阶段为“签约”时必须填写"),
				bad("commenced without commencement date", r -> {
					r.put("项目阶段", "开工");
					r.put("签约日期", LocalDate.of(2025, 1, 1));
				}, "开工日期", "项目阶段为“开工”时必须填写"),
				bad("a date beyond the stage", r -> r.put("签约日期", LocalDate.of(2025, 1, 1)), "签约日期",
						"项目阶段为“在谈”时应留空"),
				bad("dates out of order", r -> {
					r.put("项目阶段", "开工");
					r.put("签约日期", LocalDate.of(2025, 5, 1));
					r.put("开工日期", LocalDate.of(2025, 4, 1));
				}, "开工日期", "不能早于签约日期（2025-05-01）"),
				bad("too long a leader name", r -> r.put("责任领导", "长".repeat(51)), "责任领导", "不能超过 50 个字"));
	}

	static Arguments bad(String what, Consumer<Map<String, Object>> change, String column, String reason) {
		return Arguments.of(what, change, column, reason);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCells")
	void a_bad_cell_is_reported_with_row_column_and_reason_and_nothing_is_saved(String what,
			Consumer<Map<String, Object>> change, String column, String reason) {
		var good = project(unique("好行"));
		var bad = project(unique("坏行"));
		change.accept(bad);
		long projectsBefore = projectCount();
		long merchantsBefore = jdbc.sql("SELECT COUNT(*) FROM merchant").query(Long.class).single();
		long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();

		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(List.of(good, bad)), as("hualong")));

		assertThat(e).as(what).isNotNull();
		assertThat(errors(e)).containsExactly("3|" + column + "|" + reason);
		assertThat(e.status()).isEqualTo(422);
		assertThat(projectCount()).isEqualTo(projectsBefore);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant").query(Long.class).single()).isEqualTo(merchantsBefore);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single()).isEqualTo(auditBefore);
	}

	@Test
	void every_error_of_every_row_is_reported_at_once() {
		var one = project(unique("多错一"));
		one.put("落地单位", "不存在区");
		one.put("计划总投资（万元）", -1);
		var two = project(unique("多错二"));
		var three = project(unique("多错三"));
		three.put("项目阶段", "投产");
		long before = projectCount();

		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(List.of(one, two, three)), as("hualong")));

		assertThat(errors(e)).containsExactly("2|落地单位|系统中没有名为“不存在区”的单位（请填写单位全称）", "2|计划总投资（万元）|不能为负数",
				"4|签约日期|项目阶段为“投产”时必须填写", "4|开工日期|项目阶段为“投产”时必须填写", "4|投产日期|项目阶段为“投产”时必须填写");
		assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("工作簿中有 5 处错误，未导入任何数据。请逐条修改后重新上传。");
		assertThat(messages.getMessage(e.errors().get(0).messageKey(), e.errors().get(0).args(), Locale.ENGLISH))
			.as("reasons in the reader's language").isEqualTo("There is no unit named \"不存在区\" (use the full name)");
		assertThat(projectCount()).isEqualTo(before);
	}

	@Test
	void a_missing_required_header_is_an_error_of_row_one_and_nothing_is_saved() {
		List<String> headers = new ArrayList<>(LedgerSheets.HEADERS);
		headers.remove("投资方");
		long before = projectCount();

		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(headers, List.of(project(unique("缺列")))), as("hualong")));

		assertThat(errors(e)).containsExactly("1|投资方|缺少此列：第 1 行须有这个列名");
		assertThat(projectCount()).isEqualTo(before);
	}

	@Test
	void headers_match_in_any_order_with_half_width_brackets_and_extra_columns_are_ignored() {
		List<String> headers = List.of("备注", "项目阶段", "计划总投资(万元)", "项目类型", "所属产业链", " 落地单位 ", "投资方", "项目名称");
		String name = unique("乱序列");
		var row = project(name);
		row.put("备注", "这一列会被忽略");

		var result = imports.execute(xlsx(headers, List.of(row)), as("hualong"));

		assertThat(result.created()).isEqualTo(1);
		assertThat(byName(name).plannedInvestment).isEqualByComparingTo("1000.5");
	}

	@Test
	void the_same_project_twice_in_one_file_is_an_error() {
		var row = project(unique("同一文件重复"));
		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(List.of(row, project("不重复" + row.get("项目名称")), row)), as("hualong")));

		assertThat(errors(e)).containsExactly("4|项目名称|与第 2 行是同一个项目（项目名称和投资方相同）");
	}

	@Test
	void an_import_never_moves_a_project_back_nor_touches_another_units_project() {
		String name = unique("不退回");
		var row = project(name);
		row.put("项目阶段", "签约");
		row.put("签约日期", LocalDate.of(2025, 2, 2));
		imports.execute(xlsx(List.of(row)), as("city"));
		var back = project(name);
		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(List.of(back)), as("hualong")));
		assertThat(errors(e)).singleElement().asString()
			.startsWith("2|项目阶段|台账中该项目（" + byName(name).code + "）已处于“签约”阶段");

		var moved = project(name);
		moved.put("落地单位", "清丰县");
		moved.put("项目阶段", "签约");
		moved.put("签约日期", LocalDate.of(2025, 2, 2));
		var other = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(List.of(moved)), as("qingfeng")));
		assertThat(errors(other)).containsExactly("2|项目名称|台账中已有该项目（" + byName(name).code + "），属于华龙区，您无权修改");
		assertThat(byName(name).unitId).isEqualTo(jdbc.sql("SELECT id FROM unit WHERE name = '华龙区'")
			.query(Long.class).single());
	}

	@Test
	void a_file_that_is_not_an_xlsx_workbook_is_refused_whatever_its_name() {
		var user = as("hualong");
		for (byte[] content : List.of("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
				"项目名称,投资方\n甲,乙\n".getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 })) {
			assertThatThrownBy(() -> imports.execute(content, user)).isInstanceOf(BusinessException.class)
				.hasMessage("import.notXlsx");
		}
		assertThatThrownBy(() -> imports.execute(new byte[0], user)).hasMessage("attachment.empty");
		assertThatThrownBy(() -> imports.execute(xlsx(List.of()), user)).hasMessage("import.noRows");
	}

	@Test
	void a_blank_key_project_cell_means_no_and_numeric_text_amounts_are_accepted() {
		String name = unique("空白");
		var row = project(name);
		row.remove("是否重点项目");
		row.put("计划总投资（万元）", "１２３.４");
		row.put("外资（万美元）", new BigDecimal("0"));

		imports.execute(xlsx(List.of(row)), as("hualong"));

		Project p = byName(name);
		assertThat(p.keyProject).isFalse();
		assertThat(p.plannedInvestment).isEqualByComparingTo("123.4");
		assertThat(p.foreignInvestment).isEqualByComparingTo("0");
	}
}
