package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.list.Sorting.Key;

import org.junit.jupiter.api.Test;

/** The in-memory sort of the list kit keeps the rules of the SQL one: nulls last either way, ties by id. */
class SortingTests {

	record Row(long id, String name, Integer size) {
	}

	static final Sorting SORTING = Sorting.inMemory("name", "name", "size").ascendingFirst("name");

	static final Map<String, Key<Row, ?>> KEYS = Map.of("name", new Key<Row, String>(Row::name, Comparator.naturalOrder()),
			"size", new Key<Row, Integer>(Row::size, Comparator.naturalOrder()));

	static final List<Row> ROWS = List.of(new Row(1, "b", 5), new Row(2, "a", null), new Row(3, "c", 5),
			new Row(4, null, 7));

	static List<Long> ids(List<Row> rows) {
		return rows.stream().map(Row::id).toList();
	}

	@Test
	void sorts_by_the_key_in_its_direction_with_nulls_last_either_way() {
		assertThat(ids(Sorting.sorted(ROWS, SORTING.resolve("name", null), KEYS, Row::id))).containsExactly(2L, 1L,
				3L, 4L);
		assertThat(ids(Sorting.sorted(ROWS, SORTING.resolve("name", "desc"), KEYS, Row::id))).containsExactly(3L, 1L,
				2L, 4L);
	}

	@Test
	void breaks_ties_by_id_in_the_same_direction_and_leaves_the_input_alone() {
		assertThat(ids(Sorting.sorted(ROWS, SORTING.resolve("size", "asc"), KEYS, Row::id))).containsExactly(1L, 3L,
				4L, 2L);
		assertThat(ids(Sorting.sorted(ROWS, SORTING.resolve("size", null), KEYS, Row::id))).as("largest first")
			.containsExactly(4L, 3L, 1L, 2L);
		assertThat(ids(ROWS)).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void an_unknown_key_means_the_default_and_a_key_without_comparator_is_a_programming_error() {
		assertThat(SORTING.resolve("secret", null).key()).isEqualTo("name");
		Sorting other = Sorting.inMemory("name", "name", "weight");
		assertThatThrownBy(() -> Sorting.sorted(ROWS, other.resolve("weight", null), KEYS, Row::id))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
