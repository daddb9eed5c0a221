package cn.zhaoshang.activity.event;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The event list as an Excel workbook (the export kit): the filtered events in the list's order. */
@Component
class EventWorkbook {

	private final Events events;
	private final MessageSource messages;
	private final Clock clock;

	EventWorkbook(Events events, MessageSource messages, Clock clock) {
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	String fileName(Locale locale) {
		return messages.getMessage("event.export.file", new Object[] { LocalDate.now(clock).toString() }, locale)
				+ ".xlsx";
	}

	void export(EventFilter filter, Locale locale, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			var styles = WorkbookStyles.of(wb);
			Sheet sheet = wb.createSheet(t("event.export.sheet", locale));
			styles.headerRow(sheet, List.of(new WorkbookStyles.Column(t("field.name", locale), 36),
					new WorkbookStyles.Column(t("field.eventKind", locale), 12),
					new WorkbookStyles.Column(t("field.startDate", locale), 12),
					new WorkbookStyles.Column(t("field.endDate", locale), 12),
					new WorkbookStyles.Column(t("field.place", locale), 24),
					new WorkbookStyles.Column(t("field.organiserUnitId", locale), 20),
					new WorkbookStyles.Column(t("event.col.merchants", locale), 10),
					new WorkbookStyles.Column(t("event.col.clues", locale), 10),
					new WorkbookStyles.Column(t("event.col.projects", locale), 10),
					new WorkbookStyles.Column(t("event.col.contracted", locale), 16)));
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			events.forEach(filter, r -> styles.row(sheet, next[0]++)
				.text(r.name())
				.text(t(r.kind().messageKey(), locale))
				.date(r.startDate())
				.date(r.endDate())
				.text(r.place() != null ? r.place() : r.onlineLink())
				.text(r.organiserName())
				.integer(r.merchants())
				.integer(r.clues())
				.integer(r.projects())
				.amount(r.contracted()));
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
