package cn.zhaoshang.activity.training;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Training as Excel workbooks (the export kit): the filtered sessions, and a year's report per unit and person. */
@Component
class TrainingWorkbook {

	private final Trainings trainings;
	private final MessageSource messages;

	TrainingWorkbook(Trainings trainings, MessageSource messages) {
		this.trainings = trainings;
		this.messages = messages;
	}

	void sessions(Trainings.Filter filter, Locale locale, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(t("training.title", locale));
			styles.headerRow(sheet, List.of(new Column(t("field.topic", locale), 36),
					new Column(t("field.kind", locale), 12), new Column(t("field.lecturer", locale), 14),
					new Column(t("field.date", locale), 12), new Column(t("field.hours", locale), 8),
					new Column(t("training.col.unit", locale), 20), new Column(t("field.place", locale), 20),
					new Column(t("training.col.attendees", locale), 10)));
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (Trainings.Row row : trainings.all(filter)) {
				styles.row(sheet, r++)
					.text(row.topic())
					.text(t(row.kind().messageKey(), locale))
					.text(row.lecturer())
					.date(row.date())
					.amount(row.hours())
					.text(row.unitName())
					.text(row.place())
					.integer(row.attendees());
			}
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	/** Sheet 1: one line per unit; sheet 2: one line per person with the year's sessions and hours. */
	void report(int year, CurrentUser user, Locale locale, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet units = wb.createSheet(t("training.report.sheet", locale));
			styles.headerRow(units, List.of(new Column(t("training.col.unit", locale), 24),
					new Column(t("training.col.people", locale), 10), new Column(t("training.col.trained", locale), 10),
					new Column(t("training.col.organised", locale), 10),
					new Column(t("training.col.personHours", locale), 12),
					new Column(t("training.col.average", locale), 12)));
			int r = 1;
			for (Trainings.UnitReport u : trainings.report(year, user)) {
				styles.row(units, r++)
					.text(u.unitName())
					.integer(u.people())
					.integer(u.trained())
					.integer(u.organised())
					.amount(u.personHours())
					.amount(u.average());
			}
			Sheet people = wb.createSheet(t("training.hours.sheet", locale));
			styles.headerRow(people, List.of(new Column(t("training.col.unit", locale), 24),
					new Column(t("training.col.person", locale), 12), new Column(t("training.col.title", locale), 16),
					new Column(t("training.col.sessions", locale), 10), new Column(t("field.hours", locale), 10)));
			r = 1;
			for (Trainings.PersonHours p : trainings.hours(year, null, user)) {
				styles.row(people, r++)
					.text(p.unitName())
					.text(p.name())
					.text(p.title())
					.integer(p.sessions())
					.amount(p.hours());
			}
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	String fileName(String key, Object arg, Locale locale) {
		return messages.getMessage(key, new Object[] { arg }, locale) + ".xlsx";
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
