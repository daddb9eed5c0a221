package cn.zhaoshang.chain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.chain.internal.ChainQueries;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.PageTestSupport;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The director board page lists the first {@value ChainQueries#BOARD_TARGETS} open targets in the board's order with
 * the count of all and a link to the chain's open-targets list, which pages through every one of them (and no landed
 * or abandoned one); the API's board still carries every open target.
 */
@SpringBootTest
class ChainBoardPageTests extends PageTestSupport {

	long chain;

	@BeforeEach
	void setUp() {
		chain = Demo.chain(jdbc, "new-materials");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Long> merchants = jdbc.sql("SELECT id FROM merchant WHERE merged_into_id IS NULL ORDER BY id")
			.query(Long.class)
			.list();
		// three new links with 24 open targets each, and a landed one on the second and an abandoned one on the third
		for (int l = 0; l < 3; l++) {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO chain_link (chain_id, name, link_position, sort_order, gap, created_at, updated_at)
					VALUES (?, ?, 'MIDSTREAM', 90, 'FILL', ?, ?)""")
				.params(chain, Pages.unique("看板环节"), now, now)
				.update(keys, "id");
			long link = keys.getKey().longValue();
			for (int i = 0; i < 25; i++) {
				String status = i < 24 ? "CONTACTED" : l == 1 ? "LANDED" : l == 2 ? "ABANDONED" : null;
				if (status == null) {
					continue;
				}
				jdbc.sql("""
						INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, status,
						    created_by, created_at, updated_at)
						VALUES (?, ?, ?, '看板测试', ?, ?, 'city', ?, ?)""")
					.params(link, merchants.get(i), i % 3 == 0 ? "HIGH" : "MEDIUM", Demo.unit(jdbc, "etdz"), status,
							now, now)
					.update();
			}
		}
	}

	/** The chain's open targets in the board's order (link, priority, id). */
	List<Long> openTargets() {
		return jdbc.sql("""
				SELECT t.id FROM chain_target t JOIN chain_link l ON l.id = t.link_id
				WHERE l.chain_id = ? AND t.merged_into_id IS NULL AND t.status NOT IN ('LANDED', 'ABANDONED')
				ORDER BY t.link_id, CASE t.priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, t.id""")
			.param(chain)
			.query(Long.class)
			.list();
	}

	String page(String path, Locale locale) throws Exception {
		return html("viewer", path, locale);
	}

	static List<Long> targetIds(String html, String listId) {
		String list = Pages.from(html, listId);
		list = list.substring(0, list.indexOf("</ul>"));
		return Pages.all(list, "#target-(\\d+)\"").stream().map(Long::valueOf).toList();
	}

	@Test
	void the_board_shows_the_first_open_targets_with_the_count_and_the_link_to_all() throws Exception {
		List<Long> open = openTargets();
		assertThat(open).hasSizeGreaterThan(ChainQueries.BOARD_TARGETS + 20);
		String html = page("/chains/" + chain + "/board", null);
		assertThat(targetIds(html, "board-open-targets")).containsExactlyElementsOf(open.subList(0,
				ChainQueries.BOARD_TARGETS));
		assertThat(Pages.from(html, "board-targets-count"))
			.startsWith("id=\"board-targets-count\">显示前 50 个，共 " + open.size() + " 个跟踪中的目标企业");
		assertThat(html).contains("href=\"/chains/" + chain + "/targets\" id=\"board-targets-all\"");
		String en = page("/chains/" + chain + "/board", Locale.ENGLISH);
		assertThat(Pages.from(en, "board-targets-count"))
			.startsWith("id=\"board-targets-count\">Showing the first 50 of " + open.size() + " open target enterprises");
		assertThat(en).contains("All open target enterprises");
	}

	@Test
	void the_open_targets_list_pages_through_every_open_target_in_the_board_s_order() throws Exception {
		List<Long> open = openTargets();
		List<Long> seen = new ArrayList<>();
		int pages = (open.size() + 19) / 20;
		for (int p = 1; p <= pages; p++) {
			String html = page("/chains/" + chain + "/targets?page=" + p, null);
			if (p == 1) {
				assertThat(html).contains("跟踪中的目标企业").contains("href=\"/chains/" + chain + "/board\"")
					.contains("共 " + open.size() + " 条");
			}
			seen.addAll(targetIds(html, "open-targets"));
		}
		assertThat(seen).as("every open target once, in the board's order").containsExactlyElementsOf(open);
		String big = page("/chains/" + chain + "/targets?size=100&page=1", Locale.ENGLISH);
		assertThat(targetIds(big, "open-targets")).hasSize(Math.min(100, open.size()));
		assertThat(big).contains("Open target enterprises").contains("看板环节");
		List<Long> closed = jdbc.sql("""
				SELECT t.id FROM chain_target t JOIN chain_link l ON l.id = t.link_id
				WHERE l.chain_id = ? AND t.status IN ('LANDED', 'ABANDONED')""").param(chain).query(Long.class).list();
		assertThat(closed).isNotEmpty().doesNotContainAnyElementsOf(seen);
	}

	@Test
	void the_api_board_still_carries_every_open_target() throws Exception {
		int open = openTargets().size();
		mvc.perform(get("/api/v1/chains/" + chain + "/board").with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openTargets.length()").value(open));
	}
}
