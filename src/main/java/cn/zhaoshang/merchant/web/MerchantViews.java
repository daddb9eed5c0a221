package cn.zhaoshang.merchant.web;

import java.time.LocalDate;
import java.util.List;

/** What the enterprise templates show besides the records themselves. */
public final class MerchantViews {

	private MerchantViews() {
	}

	/** A chain or unit as a choice of a filter or form. */
	public record Choice(long id, String label) {
	}

	/** The records of one kind ({@code project}, {@code clue} …) linked to the enterprise. */
	/** @param recordPath where the user records a new one of this kind (a visit), or null */
	public record LinkGroup(String kind, List<LinkView> links, String recordPath) {
	}

	public record LinkView(String title, String statusKey, String unitName, LocalDate date, String path) {
	}
}
