package cn.zhaoshang.clue.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.XlsxText;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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

	ClueExport(ClueQueries queries, MessageSource messages, PlatformTransactionManager transactions) {
		this.queries = queries;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	public void write(ClueFilter filter, CurrentUser user, OutputStream out) throws IOException {
		var wb = new SXSSFWorkbook(200);
		try (wb) {
			SXSSFSheet sheet = wb.createSheet(t("clue.export.sheet"));
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle amount = wb.createCellStyle();
			amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				Cell c = header.createCell(i);
				c.setCellValue(t(HEADERS.get(i)));
				c.setCellStyle(bold);
				sheet.setColumnWidth(i, (i < 2 ? 30 : 14) * 256);
			}
			sheet.createFreezePane(0, 1);
			String pool = t("clue.cityPool");
			int[] next = { 1 };
			readOnly.executeWithoutResult(tx -> queries.forEach(filter, user, r -> {
				Row row = sheet.createRow(next[0]++);
				int i = 0;
				text(row.createCell(i++), r.title());
				text(row.createCell(i++), r.enterpriseName());
				text(row.createCell(i++), r.chainName());
				text(row.createCell(i++), r.chainLink());
				Cell invest = row.createCell(i++);
				invest.setCellStyle(amount);
				if (r.estimatedInvestment() != null) {
					invest.setCellValue(r.estimatedInvestment().doubleValue());
				}
				text(row.createCell(i++), r.promotionMode() == null ? null : t(r.promotionMode().messageKey()));
				text(row.createCell(i++), t(r.source().messageKey()));
				text(row.createCell(i++), r.sourceCredit());
				text(row.createCell(i++), r.ownerUnitId() == null ? pool : r.ownerName());
				text(row.createCell(i++), r.assigneeName());
				text(row.createCell(i++), t(r.status().messageKey()));
				dateCell(row.createCell(i++), r.lastFollowUpAt(), date);
				dateCell(row.createCell(i++),
						r.createdAt() == null ? null : LocalDate.ofInstant(r.createdAt(), ZoneId.systemDefault()), date);
				text(row.createCell(i), r.projectCode());
			}));
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}

	private static void text(Cell cell, String value) {
		XlsxText.set(cell, value);
	}

	private static void dateCell(Cell cell, LocalDate value, CellStyle style) {
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}
}
