package cn.zhaoshang.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.platform.UnitId;

/**
 * A project's credit shares (DESIGN §4, ADR 0012): which units its figures are credited to, in basis points that
 * add up to 100 % on every date. By default a project has one share, 100 % to its landing unit since it began,
 * which follows the landing unit when that changes. Later work (allocation with benefit sharing) sets other shares
 * through {@link #set}. Every figure of the supervision module is read through the shares, never from the
 * project's unit directly.
 */
public interface CreditShares {

	/**
	 * One share as stored.
	 *
	 * @param validFrom first day it is in force, {@code null} since the project began
	 * @param validTo last day it is in force, {@code null} open
	 * @param defaultShare the landing unit's automatic 100 %
	 */
	record CreditShare(UnitId unit, int basisPoints, LocalDate validFrom, LocalDate validTo, boolean defaultShare,
			String reason) {

		/** The share in percent with two decimals ({@code 60.00}). */
		public BigDecimal percent() {
			return BigDecimal.valueOf(basisPoints, 2);
		}

		public boolean inForce(LocalDate date) {
			return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
		}

		public Shares.Share share() {
			return new Shares.Share(unit.value(), basisPoints);
		}
	}

	/** A share to set: a unit and its part in basis points (6000 = 60 %). */
	record NewShare(UnitId unit, int basisPoints) {
	}

	/** Every share row of a project, oldest first (the history the project page shows). */
	List<CreditShare> history(ProjectId project);

	/** The shares in force on a date (they add up to 100 %). */
	List<CreditShare> inForce(ProjectId project, LocalDate date);

	/**
	 * Replaces a project's shares from a day on: rows starting on or after it are removed, a row in force then ends
	 * the day before, and the new rows start on it, open-ended. The shares must add up to exactly 100 %, each above
	 * 0, units distinct and known; the reason is required. Allowed to the city bureau and to whoever may edit the
	 * project; audited on the project (action {@code CREDIT_SHARES}).
	 *
	 * @throws cn.zhaoshang.platform.InvalidInputException naming the field ({@code shares}, {@code from},
	 *         {@code reason}) and the rule broken
	 */
	void set(ProjectId project, LocalDate from, List<NewShare> shares, String reason, CurrentUser user);
}
