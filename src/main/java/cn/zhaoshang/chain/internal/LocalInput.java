package cn.zhaoshang.chain.internal;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.internal.ChainData.Marks;

/** A local enterprise of a link: the merchant, its strength there, the marks of clause I and a note. */
public record LocalInput(Long merchantId, EnterpriseStrength strength, Marks marks, String note) {

	public LocalInput check() {
		Checks c = new Checks();
		c.required("merchantId", merchantId);
		c.required("strength", strength);
		c.maxLength("note", note, 500);
		c.throwIfBroken();
		return new LocalInput(merchantId, strength, marks == null ? Marks.NONE : marks, Checks.clean(note));
	}
}
