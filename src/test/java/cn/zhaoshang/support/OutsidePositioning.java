package cn.zhaoshang.support;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fixture of the "outside positioning" filters (issue 12: a clue or project whose chain is not among its unit's
 * leading chains): 清丰县, one of its leading chains and a chain outside its positioning, as the positioning stands
 * when the test starts.
 *
 * @param unit 清丰县's id
 * @param leadingChain its first primary leading chain
 * @param outsideChain the first chain (by id) it does not lead
 */
public record OutsidePositioning(long unit, long leadingChain, long outsideChain) {

	/** A check that may throw (MockMvc requests). */
	@FunctionalInterface
	public interface Check {

		void run() throws Exception;
	}

	/** 清丰县 and its chains as its positioning stands now. */
	public static OutsidePositioning ofQingfeng(JdbcClient jdbc, Positionings positionings) {
		long qingfeng = Demo.unit(jdbc, "qingfeng");
		UnitPositioning p = positionings.find(new UnitId(qingfeng)).orElseThrow();
		long outside = jdbc.sql("SELECT id FROM industry_chain ORDER BY id")
			.query(Long.class)
			.list()
			.stream()
			.filter(c -> !p.leads(new ChainId(c)))
			.findFirst()
			.orElseThrow();
		return new OutsidePositioning(qingfeng, p.primary().get(0).value(), outside);
	}

	/**
	 * Runs the check while the outside chain is a secondary leading chain of the unit, then takes it off the unit's
	 * positioning again (whether the check passed or not).
	 */
	public void whileOutsideChainIsSecondary(JdbcClient jdbc, Check check) throws Exception {
		jdbc.sql("INSERT INTO unit_positioning_chain (unit_id, chain_id, tier) VALUES (?, ?, 'SECONDARY')")
			.params(unit, outsideChain)
			.update();
		try {
			check.run();
		}
		finally {
			jdbc.sql("DELETE FROM unit_positioning_chain WHERE unit_id = ? AND chain_id = ?")
				.params(unit, outsideChain)
				.update();
		}
	}
}
