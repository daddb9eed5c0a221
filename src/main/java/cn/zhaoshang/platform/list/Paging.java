package cn.zhaoshang.platform.list;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list plus what the pager needs: the one page type of every list (read models return it, pages
 * and the API show it). Page numbers start at 1; {@code total} is the size of the whole filtered set.
 */
public record Paging<T>(List<T> items, int page, int size, long total) {

	/** A page of a list already in memory; a page past the end shows the last. */
	public static <T> Paging<T> of(List<T> all, int page, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		int from = (p - 1) * size;
		return new Paging<>(all.subList(from, Math.min(all.size(), from + size)), p, size, all.size());
	}

	/** Reads the rows of one page: {@code limit} rows from {@code offset}. */
	@FunctionalInterface
	public interface Rows<T> {

		List<T> read(int limit, long offset);
	}

	/**
	 * The page asked for of a set of {@code total} rows, reading only that page. With {@code clampToLast} (what a
	 * person paging expects) a page number past the last shows the last page; without (API paging), it is empty,
	 * so that a client paging until it gets no items is not served the last page forever.
	 */
	public static <T> Paging<T> fetch(long total, int page, int size, boolean clampToLast, Rows<T> rows) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int p = clampToLast ? Math.min(Math.max(1, page), pages) : Math.max(1, page);
		long offset = (long) (p - 1) * size;
		if (offset >= total) {
			return new Paging<>(List.of(), p, size, total);
		}
		return new Paging<>(rows.read(size, offset), p, size, total);
	}

	/** The same page with each item mapped (e.g. masked for the reader's role, or turned into an API view). */
	public <R> Paging<R> map(Function<? super T, ? extends R> f) {
		return new Paging<>(items.stream().<R>map(f).toList(), page, size, total);
	}

	/** The same page with the items replaced as a whole (same count, same order). */
	public <R> Paging<R> withItems(List<R> replaced) {
		return new Paging<>(replaced, page, size, total);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

	/** How many page numbers the pager shows on each side of the current page. */
	private static final int AROUND = 2;

	/**
	 * The page numbers the pager shows: the first, the last and those around the current page, in order, with
	 * {@code 0} where numbers are left out (shown as "…"). E.g. page 6 of 20: 1, 0, 4, 5, 6, 7, 8, 0, 20.
	 */
	public List<Integer> numbers() {
		int last = pages();
		var numbers = new ArrayList<Integer>();
		for (int n = 1; n <= last; n++) {
			// a gap of a single page shows that page's number instead of "…", which would take as much room
			boolean loneGap = (n == 2 && page - AROUND == 3) || (n == last - 1 && page + AROUND == last - 2);
			if (n == 1 || n == last || Math.abs(n - page) <= AROUND || loneGap) {
				numbers.add(n);
			}
			else if (!numbers.isEmpty() && numbers.get(numbers.size() - 1) != 0) {
				numbers.add(0);
			}
		}
		return numbers;
	}
}
