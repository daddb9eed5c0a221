package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.XlsxText;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
 * The export streams: rows come from the database through a cursor and go to the workbook through POI's
 * {@link SXSSFWorkbook}, which keeps a window of rows in memory and the rest in a compressed temporary file, so
 * 200,000 projects need no more heap than 200.
 */
@Service
public class LedgerWorkbook {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Rows of the template that offer the word lists (stage, type, chain, 是/否) as drop-downs. */
	private static final int TEMPLATE_ROWS = 10_000;
	private static final int ROW_WINDOW = 200;

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
		var wb = new SXSSFWorkbook(ROW_WINDOW);
		try (wb) {
			wb.setCompressTempFiles(true);
			var styles = new Styles(wb);
			SXSSFSheet sheet = wb.createSheet(format.chinese("ledger.sheet.ledger"));
			List<LedgerColumn> columns = List.of(LedgerColumn.values());
			header(sheet, columns, styles);
			int[] next = { 1 };
			// the transaction only holds the cursor; the workbook goes to the client after it has ended
			readOnly.executeWithoutResult(tx -> queries.forEach(filter, scope,
					row -> write(sheet.createRow(next[0]++), row, styles)));
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
	private void totals(Sheet sheet, ProjectQueries.Grouped grouped, ProjectFilter filter, Styles styles) {
		List<LedgerColumn> sums = List.of(LedgerColumn.PLANNED, LedgerColumn.CONTRACTED, LedgerColumn.PAID_IN);
		Row head = sheet.createRow(0);
		String[] heads = { format.header(LedgerColumn.UNIT), format.chinese("ledger.totals.sheet.count"),
				format.header(sums.get(0)), format.header(sums.get(1)), format.header(sums.get(2)) };
		for (int i = 0; i < heads.length; i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(heads[i]);
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(i, (i == 0 ? 24 : 18) * 256);
		}
		int r = 1;
		for (ProjectQueries.Group g : grouped.groups()) {
			totalsRow(sheet.createRow(r++), g.label(), g.totals(), styles, false);
		}
		totalsRow(sheet.createRow(r++), format.chinese("ledger.totals.sheet.total"), grouped.total(), styles, true);
		if (filter.excludesDropped()) {
			sheet.createRow(++r).createCell(0).setCellValue(format.chinese("ledger.totals.withoutDropped"));
		}
	}

	private static void totalsRow(Row row, String label, ProjectQueries.Totals t, Styles styles, boolean total) {
		Cell name = row.createCell(0);
		name.setCellValue(label);
		Cell count = row.createCell(1);
		count.setCellValue(t.count());
		amount(row.createCell(2), t.plannedInvestment(), styles);
		amount(row.createCell(3), t.contractedInvestment(), styles);
		amount(row.createCell(4), t.paidInInvestment(), styles);
		if (total) {
			name.setCellStyle(styles.header);
			count.setCellStyle(styles.header);
		}
	}

	private void write(Row r, ProjectQueries.Row p, Styles styles) {
		for (LedgerColumn c : LedgerColumn.values()) {
			Cell cell = r.createCell(c.ordinal());
			switch (c) {
				case NAME -> XlsxText.set(cell, p.name());
				case INVESTOR -> XlsxText.set(cell, p.investorName());
				case USCC -> text(cell, p.investorUscc());
				case UNIT -> XlsxText.set(cell, p.unitName());
				case CHAIN -> XlsxText.set(cell, p.chainName());
				case TYPE -> XlsxText.set(cell, format.word(p.type()));
				case PLANNED -> amount(cell, p.plannedInvestment(), styles);
				case FOREIGN -> amount(cell, p.foreignInvestment(), styles);
				case STAGE -> XlsxText.set(cell, format.word(p.stage()));
				case SIGNED_DATE -> date(cell, p.signedDate(), styles);
				case COMMENCED_DATE -> date(cell, p.commencedDate(), styles);
				case PRODUCTION_DATE -> date(cell, p.productionDate(), styles);
				case LEADER -> text(cell, p.leaderName());
				case ATTENDANT -> text(cell, p.chiefAttendantName());
				case KEY -> XlsxText.set(cell, format.word(p.keyProject()));
				case PROGRESS -> text(cell, p.latestProgress());
				case CODE -> XlsxText.set(cell, p.code());
				case STATUS -> XlsxText.set(cell, format.word(p.status()));
				case CONTRACTED -> amount(cell, p.contractedInvestment(), styles);
				case PAID_IN -> amount(cell, p.paidInInvestment(), styles);
				case EVIDENCE_PENDING -> XlsxText.set(cell, format.word(p.evidencePending()));
			}
		}
	}

	private static void text(Cell cell, String value) {
		XlsxText.set(cell, value);
	}

	private static void amount(Cell cell, BigDecimal value, Styles styles) {
		cell.setCellStyle(styles.amount);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

	private static void date(Cell cell, LocalDate value, Styles styles) {
		cell.setCellStyle(styles.date);
		if (value != null) {
			cell.setCellValue(value);
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
			var styles = new Styles(wb);
			Sheet sheet = wb.createSheet(format.chinese("ledger.sheet.ledger"));
			header(sheet, LedgerColumn.IMPORTED, styles);
			for (LedgerColumn c : LedgerColumn.IMPORTED) {
				if (c.kind == LedgerColumn.Kind.AMOUNT) {
					sheet.setDefaultColumnStyle(c.ordinal(), styles.amount);
				}
				else if (c.kind == LedgerColumn.Kind.DATE) {
					sheet.setDefaultColumnStyle(c.ordinal(), styles.date);
				}
			}
			List<String> chainNames = chains.all().stream().filter(ch -> ch.active()).map(ch -> ch.name()).toList();
			dropDown(sheet, LedgerColumn.STAGE,
					List.of(Stage.values()).stream().map(format::word).toList());
			dropDown(sheet, LedgerColumn.TYPE,
					List.of(ProjectType.values()).stream().map(format::word).toList());
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
		String joined = String.join(",", words);
		if (words.isEmpty() || joined.length() > 255) {
			// Excel keeps an explicit list to 255 characters; longer lists are only described on the help sheet
			return;
		}
		DataValidationHelper helper = sheet.getDataValidationHelper();
		var validation = helper.createValidation(helper.createExplicitListConstraint(words.toArray(String[]::new)),
				new CellRangeAddressList(1, TEMPLATE_ROWS, column.ordinal(), column.ordinal()));
		validation.setShowErrorBox(true);
		sheet.addValidationData(validation);
	}

	private void help(Workbook wb, Styles styles, List<String> unitNames, List<String> chainNames) {
		Sheet sheet = wb.createSheet(format.chinese("ledger.sheet.help"));
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 10 * 256);
		sheet.setColumnWidth(2, 90 * 256);
		int r = 0;
		for (String line : format.chinese("ledger.help.intro").split("\\n")) {
			Cell cell = sheet.createRow(r++).createCell(0);
			cell.setCellValue(line);
			cell.setCellStyle(styles.wrap);
			sheet.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, 2));
		}
		r++;
		Row head = sheet.createRow(r++);
		String[] heads = { "ledger.help.column", "ledger.help.required", "ledger.help.rule" };
		for (int i = 0; i < heads.length; i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(format.chinese(heads[i]));
			cell.setCellStyle(styles.header);
		}
		String separator = format.chinese("ledger.help.separator");
		for (LedgerColumn c : LedgerColumn.IMPORTED) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(format.header(c));
			row.createCell(1).setCellValue(format.word(c.required));
			Object arg = switch (c) {
				case UNIT -> String.join(separator, unitNames);
				case CHAIN -> String.join(separator, chainNames);
				case STAGE -> List.of(Stage.values()).stream().map(format::word).collect(Collectors.joining(separator));
				case TYPE -> List.of(ProjectType.values()).stream().map(format::word)
					.collect(Collectors.joining(separator));
				default -> "";
			};
			Cell rule = row.createCell(2);
			rule.setCellValue(format.chinese("ledger.help." + c.key, arg));
			rule.setCellStyle(styles.wrap);
			for (int i = 0; i < 2; i++) {
				row.getCell(i).setCellStyle(styles.top);
			}
		}
	}

	/** Bold, filled header row, frozen, with a filter; widths fit the column's usual contents. */
	private static void header(Sheet sheet, List<LedgerColumn> columns, Styles styles) {
		Row head = sheet.createRow(0);
		for (LedgerColumn c : columns) {
			Cell cell = head.createCell(c.ordinal());
			cell.setCellValue(styles.format.header(c));
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(c.ordinal(), c.width * 256);
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
	}

	/** The few styles a workbook needs (a workbook holds at most 64,000 styles: never one per cell). */
	private final class Styles {

		final LedgerFormat format = LedgerWorkbook.this.format;
		final CellStyle header;
		final CellStyle amount;
		final CellStyle date;
		final CellStyle wrap;
		final CellStyle top;

		Styles(Workbook wb) {
			Font bold = wb.createFont();
			bold.setBold(true);
			header = wb.createCellStyle();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			var formats = wb.createDataFormat();
			amount = wb.createCellStyle();
			amount.setDataFormat(formats.getFormat("0.00"));
			date = wb.createCellStyle();
			date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
			wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			wrap.setVerticalAlignment(VerticalAlignment.TOP);
			top = wb.createCellStyle();
			top.setVerticalAlignment(VerticalAlignment.TOP);
		}
	}
}
