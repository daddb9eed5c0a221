package cn.zhaoshang.project.internal;

import static cn.zhaoshang.project.LedgerSheets.project;
import static cn.zhaoshang.project.LedgerSheets.unique;
import static cn.zhaoshang.project.LedgerSheets.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.ProjectType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 10 in the ledger workbook, on H2 and PostgreSQL: combined project types (项目类型 with several words
 * separated by 、, also , ， / and spaces), the new last columns 洽谈日期 and 注册日期 (optional, so older sheets still
 * import and keep the stored dates), the export joining types by 、, an export importing back unchanged, and the
 * list filter by type matching any flag.
 */
@SpringBootTest
class ProjectTypeImportTests {

	static final List<String> WITH_DATES = new ArrayList<>(LedgerSheets.HEADERS);
	static {
		WITH_DATES.addAll(List.of("洽谈日期", "注册日期"));
	}

	@Autowired
	ProjectImport imports;

	@Autowired
	LedgerWorkbook workbook;

	@Autowired
	ProjectQueries queries;

	@Autowired
	DataScopes scopes;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	static final LocalDate TODAY = LocalDate.now();

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

	Map<String, Object> stored(String name) {
		return jdbc.sql("SELECT type, types, negotiation_date, registered_date FROM project WHERE name = :n")
			.param("n", name)
			.query()
			.singleRow();
	}

	static ProjectFilter named(String q, List<ProjectType> types) {
		return new ProjectFilter(q, null, null, null, null, types, null, null, null, null, null, null, null, null, null,
				null, "name", "asc", null);
	}

	List<String> errors(ImportRejected e) {
		return e.errors()
			.stream()
			.map(x -> x.row() + "|" + x.column() + "|"
					+ messages.getMessage(x.messageKey(), x.args(), Locale.SIMPLIFIED_CHINESE))
			.toList();
	}

	@Test
	void several_types_in_one_cell_are_read_whatever_the_separator_and_stored_in_canonical_order() {
		var user = as("hualong");
		String prefix = unique("类型组合");
		var a = project(prefix + "甲");
		a.put("项目类型", "外向型、返乡创业、外资");
		var b = project(prefix + "乙");
		b.put("项目类型", "外资,外向型");
		var c = project(prefix + "丙");
		c.put("项目类型", "增资扩产 / 外向型");
		var d = project(prefix + "丁");
		d.put("项目类型", "新建，外向型 外向型");

		assertThat(imports.execute(xlsx(List.of(a, b, c, d)), user)).isEqualTo(ImportResult.of(4, 0, 0));

		assertThat(stored(prefix + "甲")).containsEntry("types", "RETURN,FOREIGN,EXPORT_ORIENTED")
			.containsEntry("type", "RETURN");
		assertThat(stored(prefix + "乙")).containsEntry("types", "FOREIGN,EXPORT_ORIENTED").containsEntry("type", "FOREIGN");
		assertThat(stored(prefix + "丙")).containsEntry("types", "EXPANSION,EXPORT_ORIENTED");
		assertThat(stored(prefix + "丁")).containsEntry("types", "NEW,EXPORT_ORIENTED");
	}

	@Test
	void new_and_expansion_together_or_an_unknown_word_are_refused_on_the_type_column_and_nothing_is_written() {
		var user = as("hualong");
		String prefix = unique("类型错误");
		var a = project(prefix + "甲");
		a.put("项目类型", "新建、增资扩产");
		var b = project(prefix + "乙");
		b.put("项目类型", "外资、火星");
		long before = jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();

		var e = catchThrowableOfType(ImportRejected.class, () -> imports.execute(xlsx(List.of(a, b)), user));

		assertThat(errors(e)).containsExactly("2|项目类型|“新建”和“增资扩产”不能同时填写",
				"3|项目类型|只能填写：新建、增资扩产、返乡创业、外资、外向型，多个类型用“、”分隔");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void the_export_joins_types_by_the_enumeration_comma_and_ends_with_the_two_dates_and_imports_back_unchanged()
			throws IOException {
		var user = as("hualong");
		String prefix = unique("类型往返");
		var a = project(prefix + "甲");
		a.put("项目类型", "返乡创业、外资、外向型");
		a.put("洽谈日期", LocalDate.of(2025, 2, 3));
		var b = project(prefix + "乙");
		b.put("项目阶段", "签约");
		b.put("签约日期", LocalDate.of(2025, 3, 1));
		b.put("注册日期", LocalDate.of(2025, 4, 2));
		imports.execute(xlsx(WITH_DATES, List.of(a, b)), user);

		var out = new ByteArrayOutputStream();
		workbook.export(named(prefix, null), user, out);
		var rows = LedgerSheets.read(out.toByteArray(), 0);

		List<Object> headers = rows.get(0);
		assertThat(headers.subList(headers.size() - 3, headers.size())).containsExactly("待补证据", "洽谈日期", "注册日期");
		// names sort differently by database collation: find the rows by name
		List<Object> first = rows.stream().filter(r -> (prefix + "乙").equals(r.get(0))).findFirst().orElseThrow();
		assertThat(first.get(headers.size() - 1)).isEqualTo(LocalDate.of(2025, 4, 2));
		assertThat(first.get(headers.size() - 2)).as("a new project starts negotiating on the day it is imported")
			.isEqualTo(TODAY);
		List<Object> second = rows.stream().filter(r -> (prefix + "甲").equals(r.get(0))).findFirst().orElseThrow();
		assertThat(second.get(5)).isEqualTo("返乡创业、外资、外向型");
		assertThat(second.get(headers.size() - 2)).isEqualTo(LocalDate.of(2025, 2, 3));

		assertThat(imports.execute(out.toByteArray(), user)).isEqualTo(ImportResult.of(0, 0, 2));
	}

	@Test
	void an_older_sheet_without_the_date_columns_keeps_the_stored_dates_and_a_registration_before_signing_is_refused() {
		var user = as("hualong");
		String name = unique("旧模板");
		var signed = project(name);
		signed.put("项目阶段", "签约");
		signed.put("签约日期", LocalDate.of(2025, 3, 1));
		signed.put("洽谈日期", LocalDate.of(2024, 12, 1));
		signed.put("注册日期", LocalDate.of(2025, 5, 6));
		imports.execute(xlsx(WITH_DATES, List.of(signed)), user);

		var again = project(name);
		again.put("项目阶段", "签约");
		again.put("签约日期", LocalDate.of(2025, 3, 1));
		again.put("项目类型", "新建、外向型");
		assertThat(imports.execute(xlsx(List.of(again)), user)).isEqualTo(ImportResult.of(0, 1, 0));
		assertThat(stored(name)).containsEntry("types", "NEW,EXPORT_ORIENTED")
			.containsEntry("negotiation_date", java.sql.Date.valueOf(LocalDate.of(2024, 12, 1)))
			.containsEntry("registered_date", java.sql.Date.valueOf(LocalDate.of(2025, 5, 6)));

		var negotiating = project(unique("在谈注册"));
		negotiating.put("注册日期", LocalDate.of(2025, 5, 6));
		var future = project(unique("未来洽谈"));
		future.put("洽谈日期", TODAY.plusDays(1));
		var e = catchThrowableOfType(ImportRejected.class,
				() -> imports.execute(xlsx(WITH_DATES, List.of(negotiating, future)), user));
		assertThat(errors(e)).containsExactly("2|注册日期|项目阶段为“在谈”时应留空", "3|洽谈日期|不能晚于今天");
	}

	@Test
	void the_list_filter_by_type_matches_any_flag_and_several_types_mean_any_of_them() {
		var user = as("hualong");
		String prefix = unique("类型筛选");
		var a = project(prefix + "甲");
		a.put("项目类型", "返乡创业、外向型");
		var b = project(prefix + "乙");
		b.put("项目类型", "外资");
		var c = project(prefix + "丙");
		c.put("项目类型", "新建");
		imports.execute(xlsx(List.of(a, b, c)), user);
		var scope = scopes.of(user);

		assertThat(names(named(prefix, List.of(ProjectType.EXPORT_ORIENTED)), scope)).containsExactly(prefix + "甲");
		assertThat(names(named(prefix, List.of(ProjectType.RETURN)), scope)).containsExactly(prefix + "甲");
		assertThat(names(named(prefix, List.of(ProjectType.FOREIGN, ProjectType.EXPORT_ORIENTED)), scope))
			.containsExactlyInAnyOrder(prefix + "乙", prefix + "甲");
		assertThat(names(named(prefix, List.of(ProjectType.EXPANSION)), scope)).isEmpty();
		assertThat(queries.totals(named(prefix, List.of(ProjectType.NEW)), scope).count()).isEqualTo(1);
	}

	List<String> names(ProjectFilter f, cn.zhaoshang.platform.DataScope scope) {
		return queries.list(f, scope, 1, 50).items().stream().map(ProjectQueries.Row::name).toList();
	}
}
