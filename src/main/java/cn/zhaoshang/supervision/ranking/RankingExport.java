package cn.zhaoshang.supervision.ranking;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A ranking as a workbook on the platform's export kit: sheet one the places (rank, unit, score, the points of each
 * criterion), sheet two every line of every score (unit, criterion, value, achieved, basis, weight, cap, points).
 * A dozen units: an in-memory workbook.
 */
@Service
class RankingExport {

	private final MessageSource messages;

	RankingExport(MessageSource messages) {
		this.messages = messages;
	}

	String fileName(Rankings.Ranking r, Locale locale) {
		return messages.getMessage("ranking.file", new Object[] { r.summary().quarter(),
				messages.getMessage(r.summary().status().messageKey(), null, locale) }, locale) + ".xlsx";
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	void write(Rankings.Ranking r, Locale locale, OutputStream out) throws IOException {
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			Sheet places = wb.createSheet(t("ranking.sheet.places", locale));
			List<WorkbookStyles.Column> columns = new ArrayList<>();
			columns.add(new WorkbookStyles.Column(t("ranking.col.rank", locale), 8));
			columns.add(new WorkbookStyles.Column(t("ranking.col.unit", locale), 22));
			columns.add(new WorkbookStyles.Column(t("ranking.col.score", locale), 10));
			List<RankingCriterion> criteria = r.rows().isEmpty() ? List.of()
					: r.rows().get(0).parts().stream().map(Scoring.Part::criterion).toList();
			criteria.forEach(c -> columns.add(new WorkbookStyles.Column(t(c.messageKey(), locale), 16)));
			styles.headerRow(places, columns);
			places.createFreezePane(2, 1);
			int i = 1;
			for (Scoring.Row row : r.rows()) {
				SheetRow line = styles.row(places, i++).integer(row.rank()).text(row.unitName()).amount(row.score());
				row.parts().forEach(p -> line.amount(p.points()));
			}
			Sheet parts = wb.createSheet(t("ranking.sheet.parts", locale));
			styles.headerRow(parts, List.of(new WorkbookStyles.Column(t("ranking.col.unit", locale), 22),
					new WorkbookStyles.Column(t("ranking.col.criterion", locale), 30),
					new WorkbookStyles.Column(t("ranking.col.value", locale), 12),
					new WorkbookStyles.Column(t("ranking.col.achieved", locale), 14),
					new WorkbookStyles.Column(t("ranking.col.basis", locale), 14),
					new WorkbookStyles.Column(t("ranking.col.weight", locale), 10),
					new WorkbookStyles.Column(t("ranking.col.cap", locale), 10),
					new WorkbookStyles.Column(t("ranking.col.points", locale), 10)));
			int j = 1;
			for (Scoring.Row row : r.rows()) {
				for (Scoring.Part p : row.parts()) {
					SheetRow line = styles.row(parts, j++).text(row.unitName()).text(t(p.criterion().messageKey(), locale));
					for (var v : new java.math.BigDecimal[] { p.value(), p.achieved(), p.basis(), p.weight(), p.cap() }) {
						if (v == null) {
							line.skip();
						}
						else {
							line.amount(v);
						}
					}
					line.amount(p.points());
				}
			}
			wb.write(out);
		}
	}
}
