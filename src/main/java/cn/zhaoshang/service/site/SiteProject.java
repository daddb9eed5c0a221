package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What site matching reads of a ledger project: its unit, chain, land and factory needs, stage, status and signing
 * date.
 */
public record SiteProject(long id, String code, String name, long unitId, String unitName, long chainId,
		BigDecimal landNeedMu, BigDecimal factoryNeedM2, String stage, String status, LocalDate signedDate) {

	SiteScoring.Need need() {
		return new SiteScoring.Need(landNeedMu, factoryNeedM2, chainId, unitId);
	}
}
