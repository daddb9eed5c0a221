package cn.zhaoshang.chain.internal;

/** A chain's header: its director (a person record), lead unit and strategy text. */
public record ChainInput(Long directorId, Long leadUnitId, String strategy) {

	public ChainInput check() {
		Checks c = new Checks();
		c.maxLength("strategy", strategy, 2000);
		c.throwIfBroken();
		return new ChainInput(directorId, leadUnitId, Checks.clean(strategy));
	}
}
