package cn.zhaoshang.chain;

import cn.zhaoshang.platform.UnitId;

/**
 * A visitor sent an inquiry on a published project of the promotion-project catalog (推介项目库). Published inside the
 * inquiry's transaction; the clue module turns it into a clue in the city pool with source ONLINE credited to the
 * catalog project's unit (chain is upstream of clue, so it cannot create the clue itself).
 *
 * @param inquiryId the stored inquiry
 * @param catalogProjectId the catalog project asked about
 * @param projectName its Chinese name
 * @param chainId its industry chain
 * @param unitId the unit that prepared it, to be credited
 * @param name the visitor's name
 * @param company the visitor's company (may be blank)
 * @param contact telephone or e-mail as typed
 * @param message what the visitor wrote
 */
public record CatalogInquiryReceived(long inquiryId, long catalogProjectId, String projectName, ChainId chainId,
		UnitId unitId, String name, String company, String contact, String message) {
}
