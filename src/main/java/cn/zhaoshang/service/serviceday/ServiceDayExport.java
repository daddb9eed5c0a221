package cn.zhaoshang.service.serviceday;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The listed service days as .xlsx (the export kit): one row per problem collected, a day without one on a row. */
@Component
class ServiceDayExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;
	private final Clock clock;

	ServiceDayExport(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	String fileName(Locale locale) {
		return messages.getMessage("serviceDay.export.file", null, locale) + "-" + LocalDate.now(clock) + ".xlsx";
	}

	void write(List<ServiceDays.Day> days, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			var sheet = wb.createSheet(t("serviceDay.export.sheet"));
			var styles = WorkbookStyles.of(wb);
			styles.headerRow(sheet, List.of(new Column(t("serviceDay.col.date"), 12),
					new Column(t("field.unitId"), 18), new Column(t("serviceDay.col.title"), 30),
					new Column(t("serviceDay.col.leaders"), 20), new Column(t("serviceDay.col.enterprises"), 36),
					new Column(t("serviceDay.col.problemEnterprise"), 28), new Column(t("serviceDay.col.problem"), 48),
					new Column(t("serviceDay.col.owner"), 20)));
			sheet.createFreezePane(0, 1);
			int r = 1;
			String sep = t("serviceDay.separator");
			for (ServiceDays.Day d : days) {
				List<ServiceDays.Problem> problems = d.problems().isEmpty()
						? java.util.Collections.singletonList(null) : d.problems();
				for (ServiceDays.Problem p : problems) {
					styles.row(sheet, r++)
						.date(d.date())
						.text(d.unitName())
						.text(d.title())
						.text(String.join(sep, d.leaders()))
						.text(String.join(sep, d.enterprises()))
						.text(p == null ? null : p.merchantName())
						.text(p == null ? null : p.content())
						.text(p == null ? null : p.owner());
				}
			}
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
