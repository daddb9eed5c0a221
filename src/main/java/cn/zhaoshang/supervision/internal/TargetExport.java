package cn.zhaoshang.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.supervision.TargetIndicator;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A year's targets as a workbook on the platform's export kit: the import's headers (Chinese in every language, so
 * the file imports again), one row per unit, the city total last (skipped by the import). A few dozen rows: an
 * in-memory workbook.
 */
@Service
public class TargetExport {

	private final TargetQueries queries;
	private final TargetImport imports;
	private final MessageSource messages;
	private final Clock clock;

	TargetExport(TargetQueries queries, TargetImport imports, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	/** E.g. 2026年度目标-2026-12-06.xlsx, in the reader's language. */
	public String fileName(int year, Locale locale) {
		return messages.getMessage("supervision.targets.file", new Object[] { String.valueOf(year) }, locale) + "-"
				+ LocalDate.now(clock) + ".xlsx";
	}

	public void write(int year, OutputStream out) throws IOException {
		var data = queries.forYear(year);
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(messages.getMessage("supervision.targets.sheet", null, Locale.SIMPLIFIED_CHINESE));
			List<WorkbookStyles.Column> columns = new ArrayList<>();
			imports.columns().all().forEach(c -> columns.add(new WorkbookStyles.Column(c.header(),
					c.field().equals("unit") ? 22 : c.field().equals("year") ? 8 : 16)));
			styles.headerRow(sheet, columns);
			sheet.createFreezePane(2, 1);
			int r = 1;
			for (var line : data.lines()) {
				SheetRow row = styles.row(sheet, r++).integer(year).text(line.unitName());
				figures(row, line.values(), styles, false);
			}
			SheetRow total = styles.row(sheet, r).skip().styled(imports.totalLabel(), styles.total);
			figures(total, data.totals(), styles, true);
			wb.write(out);
		}
	}

	private static void figures(SheetRow row, TargetValues values, WorkbookStyles styles, boolean total) {
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = values.get(i);
			if (v == null) {
				row.skip();
			}
			else if (i.kind().amount()) {
				row.number(v, total ? styles.total : styles.amount);
			}
			else {
				row.integer(v.longValueExact(), total ? styles.total : styles.integer);
			}
		}
	}
}
