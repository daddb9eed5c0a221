package cn.zhaoshang.platform.web;

import java.util.List;

/**
 * One page of a list plus what the pager needs. Page numbers start at 1; a page past the end shows the last.
 */
public record Paging<T>(List<T> items, int page, int size, long total) {

	public static <T> Paging<T> of(List<T> all, int page, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		int from = (p - 1) * size;
		return new Paging<>(all.subList(from, Math.min(all.size(), from + size)), p, size, all.size());
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
	public java.util.List<Integer> numbers() {
		int last = pages();
		var numbers = new java.util.ArrayList<Integer>();
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
