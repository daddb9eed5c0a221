package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The progress update on the project page as posted; bound by Spring (dates by the platform's date rule, amounts as
 * numbers), a value that does not parse is a binding error on its field. Photos come as multipart parts beside it.
 */
public record ProgressForm(LocalDate progressDate, String text, BigDecimal paidInInvestment) {

	public ProgressForm {
		text = text == null ? "" : text;
	}

	LedgerViews.ProgressInput input() {
		return new LedgerViews.ProgressInput(progressDate, text, paidInInvestment);
	}
}
