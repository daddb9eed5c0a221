package cn.zhaoshang.service.appeal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.WorkbookStyles.Column;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The filtered appeal list as .xlsx on the platform's export kit: Chinese headers, the list's order, times in the
 * city's zone, an 已逾期 mark on answers owed past their due time.
 */
@Component
class AppealExport {

	/** A city files a few thousand appeals a year. */
	static final int MAX_ROWS = 50_000;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final List<String> HEADERS = List.of("field.trackingNo", "appeal.receivedAt", "field.channel",
			"field.category", "field.enterpriseName", "field.projectId", "field.appealContent", "field.assignedUnitId",
			"field.status", "field.dueAt", "appeal.export.overdue", "field.answeredAt", "field.answer", "field.satisfaction",
			"field.reopenCount");

	private static final List<Integer> WIDTHS = List.of(18, 18, 12, 12, 28, 16, 40, 18, 10, 18, 8, 18, 40, 12, 10);

	private final AppealQueries queries;
	private final MessageSource messages;
	private final Clock clock;
	private final ZoneId zone;

	AppealExport(AppealQueries queries, MessageSource messages, Clock clock,
			@Value("${zhaoshang.jobs.zone:Asia/Shanghai}") String zone) {
		this.queries = queries;
		this.messages = messages;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	String fileName(Locale locale) {
		return messages.getMessage("appeal.export.file", null, locale) + "-" + LocalDate.now(clock.withZone(zone))
				+ ".xlsx";
	}

	void write(AppealFilter filter, AppealScope scope, OutputStream out) throws IOException {
		var now = clock.instant();
		var wb = new StreamingWorkbook();
		try (wb) {
			var sheet = wb.createSheet(t("appeal.export.sheet"));
			var styles = WorkbookStyles.of(wb);
			styles.headerRow(sheet, java.util.stream.IntStream.range(0, HEADERS.size())
				.mapToObj(i -> new Column(t(HEADERS.get(i)), WIDTHS.get(i)))
				.toList());
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (AppealQueries.Row a : queries.all(filter, scope, MAX_ROWS)) {
				styles.row(sheet, r++)
					.text(a.trackingNo())
					.text(time(a.createdAt()))
					.text(t(a.channel().messageKey()))
					.text(t(a.category().messageKey()))
					.text(a.enterpriseName())
					.text(a.projectCode())
					.text(a.content())
					.text(a.unitName() == null ? t("appeal.bureauQueue") : a.unitName())
					.text(t(a.status().messageKey()))
					.text(time(a.dueAt()))
					.text(a.overdue(now) ? t("appeal.export.yes") : "")
					.text(time(a.answeredAt()))
					.text(a.answer())
					.text(a.satisfaction() == null ? null : t(a.satisfaction().messageKey()))
					.integer(a.reopenCount());
			}
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String time(java.time.Instant t) {
		return t == null ? null : t.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ');
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}
}
