package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.ProjectFundsRecorded;
import cn.zhaoshang.project.Stage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A cumulative paid-in figure (已到位资金 to date) given with a stage move or a progress update, turned into funds
 * rows (ADR 0010): the part above what the rows already hold is added to the row of that date's month;
 * a figure below it is refused naming the field, since the monthly rows are the record and a lower total would mean
 * deleting some of them. Callers run inside their own transaction and call {@link #recompute} after saving the
 * project, so that its paid-in investment is again the rows' sum.
 */
@Component
class CumulativeFunds {

	private final FundsRows rows;
	private final PaidInTotals totals;
	private final FundsSums sums;
	private final Auditor auditor;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CumulativeFunds(FundsRows rows, PaidInTotals totals, FundsSums sums, Auditor auditor, ApplicationEventPublisher events,
			Clock clock) {
		this.rows = rows;
		this.totals = totals;
		this.sums = sums;
		this.auditor = auditor;
		this.events = events;
		this.clock = clock;
	}

	/** Refuses (422 naming the field) a figure below the sum of the project's rows. */
	void check(Project p, LocalDate date, BigDecimal cumulative, String field) {
		if (cumulative == null || date == null) {
			return;
		}
		BigDecimal sum = rows.sum(p.id);
		if (cumulative.compareTo(sum) < 0) {
			throw new InvalidInputException(List.of(new Violation(field, "funds.cumulative.belowRows",
					sum.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())));
		}
	}

	/**
	 * Books the difference between a cumulative figure and the sum of the rows into the date's month's row;
	 * a figure at or below the rows changes nothing (callers that refuse lower figures {@link #check} first).
	 */
	void book(Project p, LocalDate date, BigDecimal cumulative, String user) {
		if (cumulative == null || date == null) {
			return;
		}
		YearMonth month = YearMonth.from(date);
		BigDecimal diff = cumulative.subtract(rows.sum(p.id));
		if (diff.signum() <= 0) {
			return;
		}
		var before = sums.snapshot(List.of(p.id));
		var existing = rows.find(p.id, month).orElse(null);
		var now = clock.instant();
		if (existing == null) {
			rows.insert(p.id, month, new FundsRows.Values(diff, null, null, null, null), user, now);
		}
		else {
			rows.update(p.id, month, new FundsRows.Values(existing.fundsInPlace().add(diff), existing.outOfProvince(),
					existing.foreignUsed(), existing.fixedAssets(), existing.note()), existing.version(), user, now);
		}
		sums.update(before);
		RecordFunds.audit(p, existing, rows.find(p.id, month).orElseThrow(), auditor);
		events.publishEvent(new ProjectFundsRecorded(p.id(), p.unit(), month, user));
	}

	/**
	 * The cumulative figure a forward stage move gives: paid-in to date for COMMENCED, the actual investment for
	 * IN_PRODUCTION (which the ledger has always counted as paid in); null for the other stages.
	 */
	static BigDecimal figureOf(StageMoveRequest move) {
		if (move.to() == Stage.COMMENCED) {
			return move.paidInInvestment();
		}
		return move.to() == Stage.IN_PRODUCTION ? move.actualInvestment() : null;
	}

	/** The project's paid-in investment is the sum of its rows again (after the project itself was saved). */
	void recompute(Project p) {
		totals.recompute(List.of(p.id));
	}
}
