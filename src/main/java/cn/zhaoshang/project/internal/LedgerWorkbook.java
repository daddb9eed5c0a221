package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger as an .xlsx workbook: the export of a filtered list. It writes the import format's sixteen columns in
 * its order, as the empty template does ({@link LedgerTemplate}), so an exported file imports again as it is (the
 * export adds a few columns after them for the reader, which the import ignores). Numbers are numeric cells (0.00),
 * dates real date cells (yyyy-mm-dd), words as in the ledger (签约, 新建, 是).
 * <p>
 * The export streams: rows come from the database through a cursor and go to the workbook through the
 * platform's {@link StreamingWorkbook}, which keeps a window of rows in memory and the rest in a compressed temporary
 * file, so 200,000 projects need no more heap than 200; every cell is written through {@link SheetRow}.
 */
@Service
public class LedgerWorkbook {

	private final ProjectQueries queries;
	private final DataScopes scopes;
	private final LedgerFormat format;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	LedgerWorkbook(ProjectQueries queries, DataScopes scopes, LedgerFormat format, MessageSource messages,
			PlatformTransactionManager transactions, Clock clock) {
		this.queries = queries;
		this.scopes = scopes;
		this.format = format;
		this.messages = messages;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/** The download's name in the reader's language, e.g. 项目台账-2026-11-26.xlsx. */
	public String exportFileName(Locale locale) {
		return messages.getMessage("ledger.export.fileName", new Object[] { LocalDate.now(clock).toString() }, locale);
	}

	/** Writes the projects of the filtered list that the user may read, in the list's order. */
	public void export(ProjectFilter filter, CurrentUser user, OutputStream out) throws IOException {
		DataScope scope = scopes.of(user);
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			SXSSFSheet sheet = wb.createSheet(format.chinese("ledger.sheet.ledger"));
			List<LedgerColumn> columns = List.of(LedgerColumn.values());
			header(sheet, columns, styles);
			int[] next = { 1 };
			// the transaction only holds the cursor; the workbook goes to the client after it has ended
			readOnly.executeWithoutResult(tx -> queries.forEach(filter, scope,
					row -> write(styles.row(sheet, next[0]++), row)));
			totals(wb.createSheet(format.chinese("ledger.sheet.totals")), queries.grouped(filter, scope, "unit"),
					filter, styles);
			wb.write(out);
		}
		finally {
			// close() removes the temporary files in recent POI versions; dispose() makes sure of it
			wb.dispose();
		}
	}

	/**
	 * The second sheet, 汇总: the exported set's count and sums by landing unit and, last, the totals row (合计) with
	 * the exact 万元 figures. It is a sheet of its own so that the ledger sheet still imports unchanged (the import
	 * reads every row of the first sheet as a project).
	 */
	private void totals(Sheet sheet, ProjectQueries.Grouped grouped, ProjectFilter filter, WorkbookStyles styles) {
		List<LedgerColumn> sums = List.of(LedgerColumn.PLANNED, LedgerColumn.CONTRACTED, LedgerColumn.PAID_IN);
		styles.headerRow(sheet, List.of(new WorkbookStyles.Column(format.header(LedgerColumn.UNIT), 24),
				new WorkbookStyles.Column(format.chinese("ledger.totals.sheet.count"), 18),
				new WorkbookStyles.Column(format.header(sums.get(0)), 18),
				new WorkbookStyles.Column(format.header(sums.get(1)), 18),
				new WorkbookStyles.Column(format.header(sums.get(2)), 18),
				new WorkbookStyles.Column(format.chinese("ledger.totals.sheet.fundsInPlace"), 22)));
		int r = 1;
		for (ProjectQueries.Group g : grouped.groups()) {
			totalsRow(styles.row(sheet, r++), g.label(), g.totals(), styles.text, styles.text);
		}
		totalsRow(styles.row(sheet, r++), format.chinese("ledger.totals.sheet.total"), grouped.total(), styles.total,
				styles.total);
		if (filter.excludesDropped()) {
			styles.row(sheet, ++r).text(format.chinese("ledger.totals.withoutDropped"));
		}
	}

	private static void totalsRow(SheetRow row, String label, ProjectQueries.Totals t, CellStyle labelStyle,
			CellStyle countStyle) {
		row.styled(label, labelStyle)
			.integer(t.count(), countStyle)
			.amount(t.plannedInvestment())
			.amount(t.contractedInvestment())
			.amount(t.paidInInvestment())
			.amount(t.fundsInPlace());
	}

	/** One project, the cells in column order, each with its style set (see {@link SheetRow}). */
	private void write(SheetRow r, ProjectQueries.Row p) {
		for (LedgerColumn c : LedgerColumn.values()) {
			switch (c) {
				case NAME -> r.text(p.name());
				case INVESTOR -> r.text(p.investorName());
				case USCC -> r.text(p.investorUscc());
				case UNIT -> r.text(p.unitName());
				case CHAIN -> r.text(p.chainName());
				case TYPE -> r.text(format.words(p.types()));
				case PLANNED -> r.amount(p.plannedInvestment());
				case FOREIGN -> r.amount(p.foreignInvestment());
				case STAGE -> r.text(format.word(p.stage()));
				case SIGNED_DATE -> r.date(p.signedDate());
				case COMMENCED_DATE -> r.date(p.commencedDate());
				case PRODUCTION_DATE -> r.date(p.productionDate());
				case LEADER -> r.text(p.leaderName());
				case ATTENDANT -> r.text(p.chiefAttendantName());
				case KEY -> r.text(format.word(p.keyProject()));
				case PROGRESS -> r.text(p.latestProgress());
				case CODE -> r.text(p.code());
				case STATUS -> r.text(format.word(p.status()));
				case CONTRACTED -> r.amount(p.contractedInvestment());
				case PAID_IN -> r.amount(p.paidInInvestment());
				case EVIDENCE_PENDING -> r.text(format.word(p.evidencePending()));
				case NEGOTIATION_DATE -> r.date(p.negotiationDate());
				case REGISTERED_DATE -> r.date(p.registeredDate());
			}
		}
	}

	/** Bold, filled header row, frozen, with a filter; widths fit the column's usual contents. */
	private void header(Sheet sheet, List<LedgerColumn> columns, WorkbookStyles styles) {
		styles.headerRow(sheet, columns.stream().map(c -> new WorkbookStyles.Column(format.header(c), c.width)).toList());
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
	}
}
