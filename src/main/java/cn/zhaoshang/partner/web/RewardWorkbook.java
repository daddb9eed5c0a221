package cn.zhaoshang.partner.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.partner.internal.RewardPolicy;
import cn.zhaoshang.partner.internal.Rewards;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rewards list as an Excel workbook (the export kit): the rewards of the list's filters in its order, each with
 * its project, stage move, rule, basis, share, amount and status, and the total on the last row.
 */
@Component
class RewardWorkbook {

	private final MessageSource messages;
	private final Clock clock;

	RewardWorkbook(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	String fileName(Locale locale) {
		return messages.getMessage("partner.rewards.exportFile", new Object[] { LocalDate.now(clock).toString() },
				locale) + ".xlsx";
	}

	void export(Rewards.Listing listing, Locale locale, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(t("partner.rewards.title", locale));
			styles.headerRow(sheet, List.of(new Column(t("field.intermediaryUnitId", locale), 26),
					new Column(t("partner.rewards.projectCode", locale), 16),
					new Column(t("partner.rewards.project", locale), 30),
					new Column(t("partner.rule.stageLabel", locale), 10),
					new Column(t("partner.rewards.moveDate", locale), 12),
					new Column(t("field.rule", locale), 28),
					new Column(t("partner.rewards.fundsCol", locale), 14),
					new Column(t("partner.rewards.wholeCol", locale), 14),
					new Column(t("partner.rewards.shareCol", locale), 10),
					new Column(t("partner.rewards.amountCol", locale), 14),
					new Column(t("field.status", locale), 10),
					new Column(t("partner.rewards.reference", locale), 24)));
			sheet.createFreezePane(0, 1);
			int next = 1;
			for (var r : listing.items()) {
				styles.row(sheet, next++)
					.text(r.intermediaryName())
					.text(r.projectCode())
					.text(r.projectName())
					.text(t(r.stage().messageKey(), locale))
					.date(r.moveDate())
					.text(rule(r.rule(), locale))
					.amount(r.fundsInPlace())
					.amount(r.wholeAmount())
					.amount(r.sharePercent())
					.amount(r.amount())
					.text(t(r.status().messageKey(), locale))
					.text(r.paymentReference());
			}
			styles.row(sheet, next).text(t("partner.rewards.total", locale)).at(9).amount(listing.total());
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	/** The rule's terms as the page words them (the stage has its own column). */
	private String rule(RewardPolicy.Rule rule, Locale locale) {
		String terms = rule.percentOfFunds() != null
				? t("partner.rule.percent", locale, rule.percentOfFunds().stripTrailingZeros().toPlainString())
				: t("partner.rule.fixed", locale, rule.fixedAmount().toPlainString());
		return rule.cap() == null ? terms : terms + " · " + t("partner.rule.cap", locale, rule.cap().toPlainString());
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
