package cn.zhaoshang.chain.internal;

import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Marks;

/**
 * A target enterprise of a link: the merchant, priority, why it is chased, the unit and person tracking it, its
 * status and the marks of clause I ({@code null} marks: taken from the enterprise's ownership type).
 */
public record TargetInput(Long merchantId, TargetPriority priority, String reason, Long trackerUnitId,
		Long trackerPersonId, TargetStatus status, Marks marks) {

	public TargetInput check() {
		Checks c = new Checks();
		c.required("merchantId", merchantId);
		c.required("priority", priority);
		c.required("trackerUnitId", trackerUnitId);
		c.maxLength("reason", reason, 1000);
		c.throwIfBroken();
		return new TargetInput(merchantId, priority, Checks.clean(reason), trackerUnitId, trackerPersonId,
				status == null ? TargetStatus.IDENTIFIED : status, marks);
	}

	TargetInput withMarks(Marks m) {
		return new TargetInput(merchantId, priority, reason, trackerUnitId, trackerPersonId, status, m);
	}
}
