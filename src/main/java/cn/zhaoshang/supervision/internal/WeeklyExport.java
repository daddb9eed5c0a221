package cn.zhaoshang.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A week as a workbook on the platform's export kit: a summary sheet (one row per unit with its counts and funds)
 * and a sheet of every line (unit, kind, code, name, what changed, day, amount, share), in the reader's language.
 */
@Service
public class WeeklyExport {

	private final MessageSource messages;

	WeeklyExport(MessageSource messages) {
		this.messages = messages;
	}

	/** E.g. the week 2026-W44 as a workbook, named in the reader's language. */
	public String fileName(String week, Locale locale) {
		return messages.getMessage("supervision.weekly.file", new Object[] { week }, locale) + ".xlsx";
	}

	public void write(Week week, Locale locale, OutputStream out) throws IOException {
		try (var wb = new XSSFWorkbook()) {
			var styles = WorkbookStyles.of(wb);
			Sheet summary = wb.createSheet(t("supervision.weekly.sheet.summary", locale));
			styles.headerRow(summary, List.of(new WorkbookStyles.Column(t("supervision.weekly.unit", locale), 24),
					new WorkbookStyles.Column(t("supervision.weekly.clues", locale), 12),
					new WorkbookStyles.Column(t("supervision.weekly.moves", locale), 12),
					new WorkbookStyles.Column(t("supervision.weekly.funds", locale), 18),
					new WorkbookStyles.Column(t("supervision.weekly.stalled", locale), 12),
					new WorkbookStyles.Column(t("supervision.weekly.trips", locale), 12)));
			int r = 1;
			for (var s : week.sections()) {
				styles.row(summary, r++)
					.text(unitName(s.unitId(), s.unitName(), locale))
					.integer(s.clues().size())
					.integer(s.moves().size())
					.amount(s.fundsTotal())
					.integer(s.stalled().size())
					.integer(s.trips().size());
			}
			styles.row(summary, r)
				.styled(t("supervision.weekly.total", locale), styles.total)
				.integer(week.clueCount(), styles.total)
				.integer(week.moveCount(), styles.total)
				.number(week.fundsTotal(), styles.total)
				.integer(week.stalledCount(), styles.total)
				.integer(week.tripCount(), styles.total);
			Sheet lines = wb.createSheet(t("supervision.weekly.sheet.lines", locale));
			styles.headerRow(lines, List.of(new WorkbookStyles.Column(t("supervision.weekly.unit", locale), 24),
					new WorkbookStyles.Column(t("supervision.weekly.kind", locale), 12),
					new WorkbookStyles.Column(t("supervision.weekly.code", locale), 16),
					new WorkbookStyles.Column(t("supervision.weekly.name", locale), 36),
					new WorkbookStyles.Column(t("supervision.weekly.change", locale), 24),
					new WorkbookStyles.Column(t("supervision.weekly.date", locale), 12),
					new WorkbookStyles.Column(t("supervision.weekly.amount", locale), 16),
					new WorkbookStyles.Column(t("supervision.weekly.share", locale), 10)));
			r = 1;
			for (var s : week.sections()) {
				for (List<Item> kind : List.of(s.clues(), s.moves(), s.funds(), s.stalled(), s.trips())) {
					for (Item i : kind) {
						SheetRow row = styles.row(lines, r++)
							.text(unitName(s.unitId(), s.unitName(), locale))
							.text(t("supervision.weekly.kind." + i.kind(), locale))
							.text(i.code() == null ? "" : i.code())
							.text(i.title())
							.text(change(i, locale));
						if (i.date() == null) {
							row.skip();
						}
						else {
							row.date(i.date());
						}
						if (i.amount() == null) {
							row.skip();
						}
						else {
							row.amount(i.amount());
						}
						row.text(i.shareBp() == null ? "" : java.math.BigDecimal.valueOf(i.shareBp(), 2) + "%");
					}
				}
			}
			wb.write(out);
		}
	}

	/**
	 * What a line says changed: the stages of a move, the month of a funds row, the rounds of a stalled project, the
	 * leaders and the dates of a trip.
	 */
	public String change(Item i, Locale locale) {
		return switch (i.kind()) {
			case CLUE -> t("clueStatus." + i.toStatus(), locale);
			case MOVE -> !i.fromStatus().equals(i.toStatus())
					? t("status." + i.fromStatus(), locale) + " → " + t("status." + i.toStatus(), locale)
					: t("stage." + i.fromStage(), locale) + " → " + t("stage." + i.toStage(), locale);
			case FUNDS -> messages.getMessage("supervision.weekly.fundsMonth",
					new Object[] { i.fundsMonth().toString().substring(0, 7) }, locale);
			case STALLED -> messages.getMessage("supervision.weekly.rounds", new Object[] { i.rounds() }, locale);
			case TRIP -> messages.getMessage("supervision.weekly.tripLine",
					new Object[] { String.join(t("supervision.weekly.peopleSeparator", locale), i.leaders()), i.date(),
							i.endDate() }, locale);
		};
	}

	private String unitName(Long unitId, String name, Locale locale) {
		if (unitId == null) {
			return t("supervision.weekly.cityPool", locale);
		}
		return name == null ? String.valueOf(unitId) : name;
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
