package cn.zhaoshang.merchant;

import java.util.List;
import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

/**
 * Records of downstream modules that point at a merchant: projects, clues, follow-up visits, talents. The merchant
 * module sits upstream of them (STYLE.md: merchant ← clue ← project), so it may not call them; instead each of them
 * implements this interface as a bean, and the merchant module uses every bean it finds to
 * <ul>
 * <li>show an enterprise's projects, clues and visits on its page ({@link #linksOf}),</li>
 * <li>tell units that chase the same enterprise of each other (claim conflicts, {@link #unitsPursuing}),</li>
 * <li>move links when an admin merges two records, and move exactly those back when the merge is undone
 * ({@link #move}, {@link #moveBack}) — all in the merge's transaction.</li>
 * </ul>
 */
public interface MerchantLinks {

	/** Stable short key of the kind of record ({@code project}, {@code clue}, {@code visit}); stored with merges. */
	String kind();

	/**
	 * Whether the enterprise's page lists this kind as a card of its own; a kind that only moves with merges (the
	 * enterprises of events and trips, joint teams' targets, resident teams' log lines) answers false.
	 */
	default boolean listed() {
		return true;
	}

	/** Up to {@code limit} records of this kind linked to the merchant that the user may read, newest first. */
	List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit);

	/**
	 * Where the user records a new record of this kind for the merchant (a visit: the follow-up form of the
	 * enterprise's newest open clue the user may follow up), or empty when the user cannot record one here.
	 */
	default java.util.Optional<String> recordPath(MerchantId merchant, CurrentUser user) {
		return java.util.Optional.empty();
	}

	/** Units that actively pursue the merchant through an open record of this kind (not dropped, converted, invalid). */
	Set<UnitId> unitsPursuing(MerchantId merchant);

	/** Re-points every record of this kind from {@code from} to {@code into}; returns the ids of the records moved. */
	List<Long> move(MerchantId from, MerchantId into);

	/** Puts the given records (as returned by {@link #move}) back on {@code from}. */
	void moveBack(List<Long> ids, MerchantId from);
}
