package cn.zhaoshang.project.web;

import jakarta.servlet.http.HttpSession;

/**
 * How this user likes the ledger shown, remembered in the session: the unit of sums (万元, 亿元 or automatic) and
 * the list's density (comfortable, or compact: one line per project).
 */
public record LedgerDisplay(AmountUnit unit, boolean compact) {

	static final String UNIT = "ledger.display.unit";
	static final String DENSITY = "ledger.display.density";

	static LedgerDisplay of(HttpSession session) {
		// stored as words, so that a session saved in the database (Spring Session JDBC) survives a new release
		Object unit = session.getAttribute(UNIT);
		return new LedgerDisplay(AmountUnit.parse(unit == null ? null : unit.toString()),
				"compact".equals(session.getAttribute(DENSITY)));
	}
}
