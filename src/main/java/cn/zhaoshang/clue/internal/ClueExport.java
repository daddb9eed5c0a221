package cn.zhaoshang.clue.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filtered clue list as .xlsx. Headers are Chinese whatever the page language (the sheets go to Chinese
 * offices, as the ledger's do); amounts are numbers and dates are dates, so Excel sums and sorts them.
 */
@Component
public class ClueExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final List<String> HEADERS = List.of("clue.col.title", "clue.col.enterprise", "clue.col.chain",
			"field.chainLink", "clue.col.investment", "clue.col.mode", "clue.col.source", "field.sourceCredit",
			"clue.col.owner", "clue.col.assignee", "clue.col.status", "clue.col.lastFollowUp", "clue.col.created",
			"clue.col.project");

	private final ClueQueries queries;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	ClueExport(ClueQueries queries, MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.queries = queries;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/** The download's name in the reader's language and today's date, e.g. 线索-2026-12-06.xlsx. */
	public String fileName(Locale locale) {
		return messages.getMessage("clue.export.file", null, "clues", locale) + "-" + LocalDate.now(clock) + ".xlsx";
	}

	public void write(ClueFilter filter, CurrentUser user, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			SXSSFSheet sheet = wb.createSheet(t("clue.export.sheet"));
			var styles = WorkbookStyles.of(wb);
			List<WorkbookStyles.Column> columns = new ArrayList<>();
			for (int i = 0; i < HEADERS.size(); i++) {
				columns.add(new WorkbookStyles.Column(t(HEADERS.get(i)), i < 2 ? 30 : 14));
			}
			styles.headerRow(sheet, columns);
			sheet.createFreezePane(0, 1);
			String pool = t("clue.cityPool");
			int[] next = { 1 };
			readOnly.executeWithoutResult(tx -> queries.forEach(filter, user, r -> styles.row(sheet, next[0]++)
				.text(r.title())
				.text(r.enterpriseName())
				.text(r.chainName())
				.text(r.chainLink())
				.groupedAmount(r.estimatedInvestment())
				.text(r.promotionMode() == null ? null : t(r.promotionMode().messageKey()))
				.text(t(r.source().messageKey()))
				.text(r.sourceCredit())
				.text(r.ownerUnitId() == null ? pool : r.ownerName())
				.text(r.assigneeName())
				.text(t(r.status().messageKey()))
				.date(r.lastFollowUpAt())
				.date(r.createdAt() == null ? null : LocalDate.ofInstant(r.createdAt(), ZoneId.systemDefault()))
				.text(r.projectCode())));
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}
}
