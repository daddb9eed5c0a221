package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger as an .xlsx workbook: the export of a filtered list and the empty import template. Both use the
 * import format's sixteen columns in its order, so an exported file imports again as it is (the export adds a few
 * columns after them for the reader, which the import ignores). Numbers are numeric cells (0.00), dates real date
 * cells (yyyy-mm-dd), words as in the ledger (签约, 新建, 是).
 * <p>
 * The export streams: rows come from the database through a cursor and go to the workbook through the
 * platform's {@link StreamingWorkbook}, which keeps a window of rows in memory and the rest in a compressed temporary
 * file, so 200,000 projects need no more heap than 200; every cell is written through {@link SheetRow}.
 */
@Service
public class LedgerWorkbook {

	/** Rows of the template that offer the word lists (stage, type, chain, 是/否) as drop-downs. */
	private static final int TEMPLATE_ROWS = 10_000;

	private final ProjectQueries queries;
	private final DataScopes scopes;
	private final Units units;
	private final Chains chains;
	private final LedgerFormat format;
	private final MessageSource messages;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	LedgerWorkbook(ProjectQueries queries, DataScopes scopes, Units units, Chains chains, LedgerFormat format,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.queries = queries;
		this.scopes = scopes;
		this.units = units;
		this.chains = chains;
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

	public String templateFileName(Locale locale) {
		return messages.getMessage("ledger.template.fileName", null, locale);
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
				new WorkbookStyles.Column(format.header(sums.get(2)), 18)));
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
			.amount(t.paidInInvestment());
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

	/**
	 * The empty import workbook: the header row (with drop-downs for the word columns and number and date formats
	 * ready in the columns) and a second sheet, 填写说明, explaining every column. The units offered are those the
	 * user may import for.
	 */
	public void template(CurrentUser user, OutputStream out) throws IOException {
		DataScope scope = scopes.of(user);
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(format.chinese("ledger.sheet.ledger"));
			header(sheet, LedgerColumn.IMPORTED, styles);
			for (LedgerColumn c : LedgerColumn.IMPORTED) {
				if (c.kind == LedgerColumn.Kind.AMOUNT) {
					sheet.setDefaultColumnStyle(LedgerColumn.IMPORTED.indexOf(c), styles.amount);
				}
				else if (c.kind == LedgerColumn.Kind.DATE) {
					sheet.setDefaultColumnStyle(LedgerColumn.IMPORTED.indexOf(c), styles.date);
				}
			}
			List<String> chainNames = chains.all().stream().filter(ch -> ch.active()).map(ch -> ch.name()).toList();
			dropDown(sheet, LedgerColumn.STAGE,
					List.of(Stage.values()).stream().map(format::word).toList());
			// types combine (返乡创业、外资): the list offers the words without refusing a combination
			dropDown(sheet, LedgerColumn.TYPE,
					List.of(ProjectType.values()).stream().map(format::word).toList(), false);
			dropDown(sheet, LedgerColumn.KEY, List.of(format.word(true), format.word(false)));
			dropDown(sheet, LedgerColumn.CHAIN, chainNames);
			List<String> unitNames = units.all()
				.stream()
				.filter(UnitSummary::active)
				.filter(u -> scope.canEdit(u.id()))
				.map(UnitSummary::name)
				.toList();
			help(wb, styles, unitNames, chainNames);
			wb.write(out);
		}
	}

	private void dropDown(Sheet sheet, LedgerColumn column, List<String> words) {
		dropDown(sheet, column, words, true);
	}

	private void dropDown(Sheet sheet, LedgerColumn column, List<String> words, boolean strict) {
		String joined = String.join(",", words);
		if (words.isEmpty() || joined.length() > 255) {
			// Excel keeps an explicit list to 255 characters; longer lists are only described on the help sheet
			return;
		}
		DataValidationHelper helper = sheet.getDataValidationHelper();
		var validation = helper.createValidation(helper.createExplicitListConstraint(words.toArray(String[]::new)),
				new CellRangeAddressList(1, TEMPLATE_ROWS, LedgerColumn.IMPORTED.indexOf(column),
						LedgerColumn.IMPORTED.indexOf(column)));
		validation.setShowErrorBox(strict);
		sheet.addValidationData(validation);
	}

	private void help(Workbook wb, WorkbookStyles styles, List<String> unitNames, List<String> chainNames) {
		Sheet sheet = wb.createSheet(format.chinese("ledger.sheet.help"));
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 10 * 256);
		sheet.setColumnWidth(2, 90 * 256);
		int r = 0;
		for (String line : format.chinese("ledger.help.intro").split("\\n")) {
			styles.row(sheet, r++).styled(line, styles.wrap);
			sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, 2));
		}
		r++;
		SheetRow head = styles.row(sheet, r++);
		for (String key : List.of("ledger.help.column", "ledger.help.required", "ledger.help.rule")) {
			head.styled(format.chinese(key), styles.header);
		}
		String separator = format.chinese("ledger.help.separator");
		for (LedgerColumn c : LedgerColumn.IMPORTED) {
			Object arg = switch (c) {
				case UNIT -> String.join(separator, unitNames);
				case CHAIN -> String.join(separator, chainNames);
				case STAGE -> List.of(Stage.values()).stream().map(format::word).collect(Collectors.joining(separator));
				case TYPE -> List.of(ProjectType.values()).stream().map(format::word)
					.collect(Collectors.joining(separator));
				default -> "";
			};
			styles.row(sheet, r++)
				.styled(format.header(c), styles.top)
				.styled(format.word(c.required), styles.top)
				.styled(format.chinese("ledger.help." + c.key, arg), styles.wrap);
		}
	}

	/** Bold, filled header row, frozen, with a filter; widths fit the column's usual contents. */
	private void header(Sheet sheet, List<LedgerColumn> columns, WorkbookStyles styles) {
		styles.headerRow(sheet, columns.stream().map(c -> new WorkbookStyles.Column(format.header(c), c.width)).toList());
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
	}
}
