package cn.zhaoshang.chain;

/**
 * The positioning as an SQL condition, for the lists of other modules (the ledger's filter 定位外项目, issue 12).
 * <p>
 * Why SQL and not {@link Positionings#all()}: the ledger filters, counts, groups and exports by one query over
 * {@code project}; a condition over the positioning keeps that one query at any size (200,000 projects) and the same
 * for every page, and the tables it reads stay named here, in the module that owns them. It says what
 * {@link UnitPositioning#leads} says for one project: outside when the row has a chain, its unit declared a
 * positioning, and the chain is neither a primary nor a secondary chain of the unit.
 */
public final class PositioningSql {

	private PositioningSql() {
	}

	/**
	 * The condition "outside its unit's positioning" over a row's unit and chain columns (e.g. {@code p.unit_id},
	 * {@code p.chain_id}); the column expressions come from the caller's code, never from a request.
	 */
	public static String outside(String unitColumn, String chainColumn) {
		return "(" + chainColumn + " IS NOT NULL"
				+ " AND EXISTS (SELECT 1 FROM unit_positioning pos WHERE pos.unit_id = " + unitColumn + ")"
				+ " AND NOT EXISTS (SELECT 1 FROM unit_positioning_chain posc WHERE posc.unit_id = " + unitColumn
				+ " AND posc.chain_id = " + chainColumn + "))";
	}
}
