package cn.zhaoshang.chain.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The filtered catalog as .xlsx on the platform's export kit: Chinese headers and names, amounts as numbers. */
@Service
public class CatalogExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	private static final List<String> HEADERS = List.of("field.name", "field.nameEn", "field.chainId", "field.unitId",
			"field.location", "field.landMu", "field.totalInvestment", "field.investmentForm", "field.contactUnit",
			"field.status", "catalog.field.publishedAt", "catalog.field.inquiries");

	private final CatalogQueries queries;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	CatalogExport(CatalogQueries queries, MessageSource messages, PlatformTransactionManager transactions,
			Clock clock) {
		this.queries = queries;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	public String fileName(Locale locale) {
		return messages.getMessage("catalog.export.file", null, "catalog", locale) + "-" + LocalDate.now(clock)
				+ ".xlsx";
	}

	public void write(CatalogFilter filter, DataScope scope, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			SXSSFSheet sheet = wb.createSheet(t("catalog.export.sheet"));
			var styles = WorkbookStyles.of(wb);
			styles.headerRow(sheet, HEADERS.stream()
				.map(h -> new WorkbookStyles.Column(t(h), h.equals("field.name") || h.equals("field.nameEn") ? 30 : 14))
				.toList());
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			readOnly.executeWithoutResult(tx -> queries.forEach(filter, scope, r -> styles.row(sheet, next[0]++)
				.text(r.name())
				.text(r.nameEn())
				.text(r.chainName())
				.text(r.unitName())
				.text(r.location())
				.amount(r.landMu())
				.groupedAmount(r.totalInvestment())
				.text(t(r.investmentForm().messageKey()))
				.text(r.contactUnit())
				.text(t(r.status().messageKey()))
				.date(r.publishedAt() == null ? null : LocalDate.ofInstant(r.publishedAt(), ZoneId.systemDefault()))
				.integer(r.inquiries())));
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
