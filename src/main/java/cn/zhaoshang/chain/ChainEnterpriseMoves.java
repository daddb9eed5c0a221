package cn.zhaoshang.chain;

import java.util.List;

/**
 * Chain rows that name an enterprise — a link's local enterprises and its targets — moved when an administrator
 * merges two enterprise records and moved back exactly when the merge is undone (issue 13). The merchant module,
 * downstream of chain, calls it from its merge (as one {@code merchant.MerchantLinks} kind per {@link Kind}); the
 * chain module owns what moving means:
 * <ul>
 * <li>a row of the merged-away enterprise on a link that does not hold the survivor moves to the survivor (its id
 * returned);</li>
 * <li>on a link that holds both, the survivor's row stays and the other is parked behind it (its id returned
 * negative): hidden from the chain pages, a parked target's clues and projects copied onto the survivor's target;
 * undoing the merge brings the parked row back as it was and removes the copies.</li>
 * </ul>
 * Every row touched moves its version on and gets a MERGE / UNMERGE line in its history.
 */
public interface ChainEnterpriseMoves {

	/** The two kinds of chain row that name an enterprise, with the key stored with a merge. */
	enum Kind {
		/** A local enterprise of a link (本地企业). */
		LOCAL("chainLocal"),
		/** A target enterprise of a link (目标企业). */
		TARGET("chainTarget");

		private final String key;

		Kind(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	/** Moves (or parks) the rows of this kind from enterprise {@code from} to {@code into}; returns their ids. */
	List<Long> move(Kind kind, long from, long into);

	/** Undoes {@link #move}: {@code ids} as it returned them, {@code from} the enterprise merged away. */
	void moveBack(Kind kind, List<Long> ids, long from, long into);
}
