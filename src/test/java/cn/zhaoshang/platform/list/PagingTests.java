package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;


import org.junit.jupiter.api.Test;

/** The page numbers the shared pager shows: first, last and two on each side of the current page, 0 for "…". */
class PagingTests {

	@Test
	void few_pages_show_every_number() {
		assertThat(paging(2, 3).numbers()).containsExactly(1, 2, 3);
		assertThat(paging(1, 1).numbers()).containsExactly(1);
		assertThat(paging(5, 5).numbers()).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void many_pages_show_first_last_and_the_neighbourhood_with_gaps() {
		assertThat(paging(6, 20).numbers()).containsExactly(1, 0, 4, 5, 6, 7, 8, 0, 20);
		// a gap of one page shows that page rather than "…"
		assertThat(paging(5, 20).numbers()).containsExactly(1, 2, 3, 4, 5, 6, 7, 0, 20);
		assertThat(paging(16, 20).numbers()).containsExactly(1, 0, 14, 15, 16, 17, 18, 19, 20);
		assertThat(paging(1, 20).numbers()).containsExactly(1, 2, 3, 0, 20);
		assertThat(paging(20, 20).numbers()).containsExactly(1, 0, 18, 19, 20);
		assertThat(paging(4, 20).numbers()).containsExactly(1, 2, 3, 4, 5, 6, 0, 20);
	}

	private static Paging<Object> paging(int page, int pages) {
		return new Paging<>(List.of(), page, 10, pages * 10L);
	}
}
