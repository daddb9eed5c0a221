package cn.zhaoshang.chain.internal;

import cn.zhaoshang.chain.MilestoneStatus;

/** A yearly milestone of a chain's roadmap: year, what is to be reached, status. */
public record MilestoneInput(Integer year, String text, MilestoneStatus status) {

	public MilestoneInput check() {
		Checks c = new Checks();
		c.required("year", year);
		c.range("year", year, 2000, 2100);
		c.required("text", text);
		c.maxLength("text", text, 500);
		c.throwIfBroken();
		return new MilestoneInput(year, text.strip(), status == null ? MilestoneStatus.PLANNED : status);
	}
}
