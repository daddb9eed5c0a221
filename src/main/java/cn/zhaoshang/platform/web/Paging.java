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
}
