package cn.zhaoshang.service.approval;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where the days from signing to commencement went: each approval as a bar placed by the days from signing to its
 * submission and as long as the days it took; the span runs to commencement (or today while not commenced, or to
 * the last approval's end when that is later). Percentages are of the span, for the page's bars.
 */
public record ApprovalTimeline(LocalDate signed, LocalDate end, boolean commenced, long spanDays, List<Bar> bars) {

	/** One approval on the timeline. */
	public record Bar(ApprovalKind kind, long startDay, long days, boolean overdue, int leftPercent,
			int widthPercent) {
	}

	static ApprovalTimeline of(List<LocalDate> signedAndCommenced, List<Approvals.Approval> approvals,
			LocalDate today) {
		LocalDate signed = signedAndCommenced.get(0);
		if (signed == null || approvals.isEmpty()) {
			return new ApprovalTimeline(signed, signedAndCommenced.get(1), false, 0, List.of());
		}
		LocalDate end = signedAndCommenced.get(1) != null ? signedAndCommenced.get(1) : today;
		for (Approvals.Approval a : approvals) {
			LocalDate finish = a.submitted().plusDays(a.daysTaken());
			if (finish.isAfter(end)) {
				end = finish;
			}
		}
		LocalDate first = approvals.stream().map(Approvals.Approval::submitted).min(LocalDate::compareTo).get();
		LocalDate start = first.isBefore(signed) ? first : signed;
		long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
		List<Bar> bars = approvals.stream().map(a -> {
			long from = ChronoUnit.DAYS.between(start, a.submitted());
			int left = (int) (from * 100 / span);
			int width = (int) Math.max(1, Math.min(100 - left, a.daysTaken() * 100 / span));
			return new Bar(a.kind(), ChronoUnit.DAYS.between(signed, a.submitted()), a.daysTaken(), a.overdue(), left,
					width);
		}).toList();
		return new ApprovalTimeline(signed, end, end.equals(signedAndCommenced.get(1)), ChronoUnit.DAYS.between(signed, end),
				bars);
	}
}
