package cn.zhaoshang.allocation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The .xlsx exports of the transfer list and of the benefit ledger, on the platform's workbook styles. */
@Component
public class AllocationExport {

	/** The most rows one export writes. */
	public static final int MAX_ROWS = 50_000;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MessageSource messages;

	AllocationExport(MessageSource messages) {
		this.messages = messages;
	}

	private String t(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

	public void transfers(List<Transfer> rows, Locale locale, OutputStream out) throws IOException {
		try (var wb = new StreamingWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "transfer.list.title"));
			styles.headerRow(sheet, List.of(new Column(t(locale, "transfer.col.code"), 16),
					new Column(t(locale, "transfer.col.subject"), 30), new Column(t(locale, "field.fromUnitId"), 16),
					new Column(t(locale, "field.toUnitId"), 16), new Column(t(locale, "field.introducerShare"), 12),
					new Column(t(locale, "field.years"), 8), new Column(t(locale, "field.status"), 10),
					new Column(t(locale, "field.reason"), 40), new Column(t(locale, "field.decisionReason"), 30),
					new Column(t(locale, "transfer.col.proposedAt"), 18)));
			int r = 1;
			for (Transfer x : rows) {
				styles.row(sheet, r++)
					.text(x.subjectCode() == null ? "" : x.subjectCode())
					.text(x.subjectName())
					.text(x.fromUnitName())
					.text(x.toUnitName())
					.amount(x.introducerShare())
					.integer(x.years())
					.text(messages.getMessage(x.status().messageKey(), null, locale))
					.text(x.reason())
					.text(x.decisionReason() == null ? "" : x.decisionReason())
					.text(x.proposedAt() == null ? "" : x.proposedAt().atZone(ZONE).toLocalDateTime().toString());
			}
			wb.write(out);
			wb.dispose();
		}
	}

	public void ledger(BenefitLedger.Result result, Locale locale, OutputStream out) throws IOException {
		try (var wb = new StreamingWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			var sheet = wb.createSheet(t(locale, "benefitLedger.title"));
			styles.headerRow(sheet, List.of(new Column(t(locale, "field.unitId"), 16),
					new Column(t(locale, "transfer.col.code"), 16), new Column(t(locale, "transfer.col.subject"), 30),
					new Column(t(locale, "benefitLedger.col.role"), 10), new Column(t(locale, "benefitLedger.col.agreement"), 10),
					new Column(t(locale, "benefitLedger.col.share"), 10), new Column(t(locale, "benefitLedger.col.funds"), 16),
					new Column(t(locale, "benefitLedger.col.contracted"), 16), new Column(t(locale, "field.validFrom"), 12),
					new Column(t(locale, "field.validTo"), 12)));
			int r = 1;
			for (BenefitLedger.Line l : result.items()) {
				styles.row(sheet, r++)
					.text(l.unitName())
					.text(l.projectCode())
					.text(l.projectName())
					.text(t(locale, "benefitLedger.role." + l.role()))
					.integer(l.agreementId())
					.amount(l.share())
					.amount(l.fundsInPlace())
					.amount(l.contractedInvestment())
					.text(l.validFrom().toString())
					.text(l.validTo().toString());
			}
			styles.row(sheet, r)
				.text(t(locale, "benefitLedger.total"))
				.skip()
				.skip()
				.skip()
				.skip()
				.skip()
				.amount(result.fundsInPlace())
				.amount(result.contractedInvestment());
			wb.write(out);
			wb.dispose();
		}
	}
}
