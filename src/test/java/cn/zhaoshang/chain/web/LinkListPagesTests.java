package cn.zhaoshang.chain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.PageTestSupport;
import cn.zhaoshang.support.Pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A link's local enterprises: the edit page changes strength, marks and note (audited, a stale version refused), and
 * the list pages of local and target enterprises search, filter, page and export what they find; the link page shows
 * the first ten with the way to the full list.
 */
@SpringBootTest
class LinkListPagesTests extends PageTestSupport {

	long link;

	List<Long> merchants;

	List<Long> locals;

	@BeforeEach
	void setUp() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_link (chain_id, name, link_position, sort_order, gap, created_at, updated_at)
				VALUES (?, ?, 'DOWNSTREAM', 99, 'EXTEND', ?, ?)""")
			.params(Demo.chain(jdbc, "chemical"), Pages.unique("测试环节"), now, now)
			.update(keys, "id");
		link = keys.getKey().longValue();
		merchants = jdbc.sql("SELECT id FROM merchant WHERE merged_into_id IS NULL ORDER BY id")
			.query(Long.class)
			.list()
			.subList(0, 25);
		for (int i = 0; i < merchants.size(); i++) {
			jdbc.sql("""
					INSERT INTO chain_local_enterprise (link_id, merchant_id, strength, leading_firm, note, created_at,
					    updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(link, merchants.get(i), i < 3 ? "STRONG" : "AVERAGE", i == 4, "备注" + i, now, now)
				.update();
		}
		locals = jdbc.sql("SELECT id FROM chain_local_enterprise WHERE link_id = ? ORDER BY id").param(link)
			.query(Long.class)
			.list();
		jdbc.sql("""
				INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, status,
				    created_by, created_at, updated_at)
				VALUES (?, ?, 'HIGH', '补齐可降解材料下游', ?, 'CONTACTED', 'city', ?, ?)""")
			.params(link, merchants.get(0), Demo.unit(jdbc, "etdz"), now, now)
			.update();
		jdbc.sql("""
				INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, status,
				    created_by, created_at, updated_at)
				VALUES (?, ?, 'LOW', '电子化学品配套', ?, 'IDENTIFIED', 'city', ?, ?)""")
			.params(link, merchants.get(1), Demo.unit(jdbc, "puyang"), now, now)
			.update();
	}

	String name(long merchant) {
		return jdbc.sql("SELECT name FROM merchant WHERE id = ?").param(merchant).query(String.class).single();
	}

	static int count(String html, String marker) {
		return html.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
	}

	@Test
	void the_edit_page_changes_strength_marks_and_note_and_refuses_a_stale_version() throws Exception {
		long id = locals.get(5);
		String form = html("city", "/chains/locals/" + id + "/edit");
		assertThat(form).contains("编辑本地企业").contains(name(merchants.get(5))).contains("action=\"/chains/locals/" + id + "/edit\"");
		mvc.perform(post("/chains/locals/" + id + "/edit").with(as("city")).with(csrf())
			.param("strength", "STRONG")
			.param("leading", "true")
			.param("centralSoe", "true")
			.param("note", "链主企业")
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		var row = jdbc.sql("SELECT strength, leading_firm, central_soe, provincial_soe, note, version, merchant_id "
				+ "FROM chain_local_enterprise WHERE id = ?").param(id).query().singleRow();
		assertThat(row.get("strength")).isEqualTo("STRONG");
		assertThat(row.get("leading_firm")).isEqualTo(true);
		assertThat(row.get("central_soe")).isEqualTo(true);
		assertThat(row.get("provincial_soe")).isEqualTo(false);
		assertThat(row.get("note")).isEqualTo("链主企业");
		assertThat(((Number) row.get("merchant_id")).longValue()).isEqualTo(merchants.get(5));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'chainLocal' AND record_id = ? "
				+ "AND action = 'UPDATE'").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/chains/locals/" + id + "/edit").with(as("city")).with(csrf())
			.param("strength", "WEAK")
			.param("version", "0"))
			.andExpect(status().isConflict());
		// a note over 500 characters is named on the form
		String tooLong = mvc.perform(post("/chains/locals/" + id + "/edit").with(as("city")).with(csrf())
			.param("strength", "WEAK")
			.param("note", "长".repeat(501))
			.param("version", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(tooLong).contains("is-invalid").contains("500");
		// a viewer reads the lists but may not edit
		mvc.perform(get("/chains/locals/" + id + "/edit").with(as("viewer"))).andExpect(status().isForbidden());
		assertThat(html("viewer", "/chains/links/" + link + "/locals")).doesNotContain("edit-local");
	}

	@Test
	void the_lists_search_filter_page_and_export() throws Exception {
		String linkPage = html("city", "/chains/links/" + link);
		assertThat(count(linkPage, "class=\"small edit-local\"")).isEqualTo(10);
		assertThat(linkPage).contains("全部 25 家").contains("href=\"/chains/links/" + link + "/locals\"");

		String first = html("city", "/chains/links/" + link + "/locals?size=20");
		assertThat(count(first, "class=\"small edit-local\"")).isEqualTo(20);
		assertThat(first).contains("id=\"pager\"");
		String second = html("city", "/chains/links/" + link + "/locals?size=20&page=2");
		assertThat(count(second, "class=\"small edit-local\"")).isEqualTo(5);

		String byName = html("city", "/chains/links/" + link + "/locals?q=" + name(merchants.get(7)));
		assertThat(byName).contains("/chains/locals/" + locals.get(7) + "/edit");
		assertThat(count(byName, "class=\"small edit-local\"")).isEqualTo(1);
		assertThat(count(html("city", "/chains/links/" + link + "/locals?strength=STRONG"), "class=\"small edit-local\""))
			.isEqualTo(3);
		assertThat(count(html("city", "/chains/links/" + link + "/locals?mark=LEADING"), "class=\"small edit-local\""))
			.isEqualTo(1);
		assertThat(count(html("city", "/chains/links/" + link + "/locals?q=备注2"), "class=\"small edit-local\""))
			.as("备注2 and 备注20 … 备注24").isEqualTo(6);

		var xlsx = mvc.perform(get("/chains/links/" + link + "/locals.xlsx?strength=STRONG").with(as("viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(xlsx.getContentType()).contains("spreadsheetml");
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("强");
		}

		String targets = html("city", "/chains/links/" + link + "/targets?status=CONTACTED");
		assertThat(targets).contains(name(merchants.get(0))).doesNotContain("电子化学品配套");
		assertThat(html("city", "/chains/links/" + link + "/targets?q=电子化学品")).contains("电子化学品配套")
			.doesNotContain("补齐可降解材料下游");
		var targetsXlsx = mvc.perform(get("/chains/links/" + link + "/targets.xlsx?priority=LOW").with(as("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(targetsXlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("电子化学品配套");
		}
	}

	/** The local enterprises' ids in the order the page lists them (their edit links). */
	static List<Long> localOrder(String html) {
		var m = java.util.regex.Pattern.compile("href=\"/chains/locals/(\\d+)/edit\"").matcher(html);
		List<Long> ids = new java.util.ArrayList<>();
		while (m.find()) {
			ids.add(Long.valueOf(m.group(1)));
		}
		return ids;
	}

	@Test
	void the_lists_sort_by_their_columns_and_export_in_that_order() throws Exception {
		String path = "/chains/links/" + link + "/locals?size=50";
		// without a sort: the link page's order, strongest first (ties by id)
		List<Long> byDefault = localOrder(html("city", path));
		assertThat(byDefault).hasSize(25);
		assertThat(byDefault.subList(0, 3)).containsExactly(locals.get(0), locals.get(1), locals.get(2));

		String weakFirst = html("city", path + "&sort=strength&dir=desc");
		List<Long> desc = localOrder(weakFirst);
		assertThat(desc.subList(22, 25)).as("strong ones last, ties by id in the same direction")
			.containsExactly(locals.get(2), locals.get(1), locals.get(0));
		assertThat(weakFirst).contains("id=\"sort-strength\"").contains("aria-sort=\"descending\"")
			.as("the export and the search form keep the order")
			.contains("locals.xlsx?sort=strength&amp;dir=desc")
			.contains("<input type=\"hidden\" name=\"sort\" value=\"strength\">");

		// by name in the dictionary's (pinyin) order, and back
		var collator = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
		List<String> names = localOrder(html("city", path + "&sort=name")).stream()
			.map(id -> name(merchants.get(locals.indexOf(id))))
			.toList();
		assertThat(names).isSortedAccordingTo(collator::compare);
		List<String> reversed = localOrder(html("city", path + "&sort=name&dir=desc")).stream()
			.map(id -> name(merchants.get(locals.indexOf(id))))
			.toList();
		assertThat(reversed).isSortedAccordingTo((a, b) -> collator.compare(b, a));
		// an unknown key lists in the default order rather than failing
		assertThat(localOrder(html("city", path + "&sort=secret"))).isEqualTo(byDefault);

		var xlsx = mvc.perform(get("/chains/links/" + link + "/locals.xlsx?sort=strength&dir=desc")
			.with(as("viewer"))).andExpect(status().isOk()).andReturn().getResponse();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("中");
			assertThat(sheet.getRow(25).getCell(2).getStringCellValue()).isEqualTo("强");
			assertThat(sheet.getRow(25).getCell(0).getStringCellValue()).isEqualTo(name(merchants.get(0)));
		}

		// targets: by priority (high first) without a sort; by status in the chase's order, identified first
		String targets = "/chains/links/" + link + "/targets";
		String byPriority = html("city", targets);
		assertThat(byPriority.indexOf("补齐可降解材料下游")).isLessThan(byPriority.indexOf("电子化学品配套"));
		String byStatus = html("city", targets + "?sort=status");
		assertThat(byStatus.indexOf("电子化学品配套")).isLessThan(byStatus.indexOf("补齐可降解材料下游"));
		assertThat(byStatus).contains("id=\"sort-status\"").contains("id=\"sort-tracker\"")
			.contains("id=\"sort-records\"");
		String statusDesc = html("city", targets + "?sort=status&dir=desc");
		assertThat(statusDesc.indexOf("补齐可降解材料下游")).isLessThan(statusDesc.indexOf("电子化学品配套"));
		var targetsXlsx = mvc.perform(get(targets + ".xlsx?sort=status").with(as("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(targetsXlsx))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("电子化学品配套");
		}
		// the link page's short lists have no sort headers
		assertThat(html("city", "/chains/links/" + link)).doesNotContain("id=\"sort-name\"");
	}
}
