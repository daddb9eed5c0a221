package cn.zhaoshang.chain.web;

import cn.zhaoshang.chain.EnterpriseStrength;
import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;
import cn.zhaoshang.chain.MilestoneStatus;
import cn.zhaoshang.chain.TargetPriority;
import cn.zhaoshang.chain.TargetStatus;
import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.LinkInput;
import cn.zhaoshang.chain.internal.LocalInput;
import cn.zhaoshang.chain.internal.MilestoneInput;
import cn.zhaoshang.chain.internal.TargetInput;

/** The chain pages' forms as posted and shown again. */
public final class ChainForms {

	private ChainForms() {
	}

	/** Checkboxes post only when ticked: an unticked one is false. */
	static Marks marks(Boolean leading, Boolean centralSoe, Boolean provincialSoe, Boolean backboneAffiliate) {
		return new Marks(Boolean.TRUE.equals(leading), Boolean.TRUE.equals(centralSoe),
				Boolean.TRUE.equals(provincialSoe), Boolean.TRUE.equals(backboneAffiliate));
	}

	/** The forms' fields as posted (strings and boxed values, so that a bad value is a message, not a 400). */
	public record LinkForm(String name, LinkPosition position, Integer sortOrder, String products, String technologies,
			GapRating gap, Integer version) {

		public LinkInput input() {
			return new LinkInput(name, position, sortOrder, products, technologies, gap);
		}
	}

	public record TargetForm(Long merchantId, TargetPriority priority, String reason, Long trackerUnitId,
			Long trackerPersonId, TargetStatus status, Boolean leading, Boolean centralSoe, Boolean provincialSoe,
			Boolean backboneAffiliate, Integer version) {

		public TargetInput input() {
			return new TargetInput(merchantId, priority, reason, trackerUnitId, trackerPersonId, status,
					marks(leading, centralSoe, provincialSoe, backboneAffiliate));
		}
	}

	public record LocalForm(Long merchantId, EnterpriseStrength strength, Boolean leading, Boolean centralSoe,
			Boolean provincialSoe, Boolean backboneAffiliate, String note, Integer version) {

		public LocalInput input() {
			return new LocalInput(merchantId, strength, marks(leading, centralSoe, provincialSoe, backboneAffiliate), note);
		}
	}

	public record HeaderForm(Long directorId, Long leadUnitId, String strategy, Integer version) {
	}

	public record MilestoneForm(Integer year, String text, MilestoneStatus status, Integer version) {

		public MilestoneInput input() {
			return new MilestoneInput(year, text, status);
		}
	}
}
