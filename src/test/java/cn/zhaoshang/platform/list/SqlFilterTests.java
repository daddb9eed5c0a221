package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list kit's SQL filter on the database the suite runs on (H2 and PostgreSQL): a search text matches itself, its
 * {@code %}, {@code _} and {@code \} included, never as wildcards; blank filters add nothing; the sort whitelist lets
 * only its own SQL through.
 */
@SpringBootTest
class SqlFilterTests {

	/** Texts side by side that a wildcard would confuse. */
	private static final String TEXTS = """
			(VALUES ('100%'), ('1000'), ('a_b'), ('axb'), ('c\\d'), ('cd'), ('c\\\\d'), ('A_B'), ('x'))""";

	@Autowired
	JdbcClient jdbc;

	private List<String> matching(SqlFilter where) {
		return jdbc.sql("SELECT v FROM " + TEXTS + " AS t(v)" + where.sql())
			.params(where.params())
			.query(String.class)
			.list();
	}

	@Test
	void a_percent_sign_matches_only_itself() {
		assertThat(matching(SqlFilter.where().contains("q", "100%", "v"))).containsExactly("100%");
		assertThat(matching(SqlFilter.where().contains("q", "%", "v"))).containsExactly("100%");
	}

	@Test
	void an_underscore_matches_only_itself() {
		assertThat(matching(SqlFilter.where().contains("q", "a_b", "v"))).containsExactly("a_b");
		assertThat(matching(SqlFilter.where().containsIgnoringCase("q", "A_b", "v"))).containsExactlyInAnyOrder("A_B", "a_b");
	}

	@Test
	void a_backslash_matches_only_itself() {
		assertThat(matching(SqlFilter.where().contains("q", "c\\d", "v"))).containsExactly("c\\d");
		assertThat(matching(SqlFilter.where().contains("q", "c\\\\d", "v"))).containsExactly("c\\\\d");
	}

	@Test
	void every_like_says_its_escape_character() {
		SqlFilter where = SqlFilter.where().containsOr("q", "x", List.of("a", "b"), "c = :code");
		assertThat(where.sql()).isEqualTo(" WHERE (a LIKE :q ESCAPE '\\' OR b LIKE :q ESCAPE '\\' OR c = :code)");
		assertThat(where.params()).containsEntry("q", "%x%");
		assertThat(SqlFilter.escape("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
	}

	@Test
	void missing_values_add_nothing_and_an_empty_set_matches_nothing() {
		SqlFilter none = SqlFilter.where().contains("q", "  ", "v").eq("v", "v", null).eq("v", "w", " ")
			.range("v", "lo", null, "hi", null);
		assertThat(none.sql()).isEmpty();
		assertThat(matching(none)).hasSize(9);
		assertThat(matching(SqlFilter.where().in("v", "vs", List.of()))).isEmpty();
		assertThat(matching(SqlFilter.where().in("v", "vs", List.of("x", "cd")))).containsExactlyInAnyOrder("cd", "x");
		assertThat(matching(SqlFilter.where().range("v", "lo", "c", "hi", "cz"))).containsExactlyInAnyOrder("c\\\\d",
				"c\\d", "cd");
	}

	@Test
	void only_whitelisted_sort_keys_reach_the_sql() {
		Sorting sorting = Sorting.of("updated", "name", "t.name", "updated", "t.updated_at").ascendingFirst("name");
		assertThat(sorting.orderBy(sorting.resolve("name; DROP TABLE t", null), "t.id"))
			.isEqualTo(" ORDER BY t.updated_at DESC NULLS LAST, t.id DESC");
		assertThat(sorting.orderBy(sorting.resolve("name", null), "t.id"))
			.isEqualTo(" ORDER BY t.name ASC NULLS LAST, t.id ASC");
		Sorting.Sort sort = sorting.resolve("name", "asc");
		assertThat(sort.next("name")).isEqualTo("desc");
		assertThat(sort.next("updated")).isEqualTo("desc");
		assertThat(sorting.resolve("updated", null).next("name")).isEqualTo("asc");
	}

	@Test
	void page_sizes_are_clamped_alike() {
		assertThat(PageSizes.forPage("50")).isEqualTo(50);
		assertThat(PageSizes.forPage("7")).isEqualTo(20);
		assertThat(PageSizes.forPage("x")).isEqualTo(20);
		assertThat(PageSizes.forApi(5000)).isEqualTo(200);
		assertThat(PageSizes.forApi(0)).isEqualTo(1);
		assertThat(PageSizes.page("-3")).isEqualTo(1);
	}
}
