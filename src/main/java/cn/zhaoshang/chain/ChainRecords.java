package cn.zhaoshang.chain;

import java.util.Collection;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;

/**
 * Clues and projects as the chain pages count and list them. The chain module sits upstream of the clue and
 * project modules, so it may not call them; each of them implements this interface as a bean (as they implement
 * {@code merchant.MerchantLinks}), and the chain map, the link lists and the director board use every bean found.
 */
public interface ChainRecords {

	/** Stable short key of the kind of record: {@code clue} or {@code project}. */
	String kind();

	/** Its stages (or statuses) in their order, for the columns of counts. */
	List<String> stages();

	/** The message key of a stage (or status) name. */
	String stageKey(String stage);

	/**
	 * The records with these ids; a record the user may not read comes without title and path (it is counted,
	 * never shown).
	 */
	List<ChainRecord> find(Collection<Long> ids, CurrentUser user);

	/** The records of the enterprise the user may read, newest first (offered for linking to a target). */
	List<ChainRecord> ofMerchant(long merchantId, CurrentUser user, int limit);

	/** The chain's records (every unit's) by stage, with their amounts. */
	List<StageFigure> byStage(ChainId chain);

	/** The chain's key-project reserve pool (重点项目储备库) the user may read, largest amount first. */
	default List<ChainRecord> keyRecords(ChainId chain, CurrentUser user, int limit) {
		return List.of();
	}
}
