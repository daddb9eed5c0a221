package cn.zhaoshang.chain.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import cn.zhaoshang.chain.internal.ChainData.Marks;
import cn.zhaoshang.chain.internal.ChainQueries.LocalRow;
import cn.zhaoshang.chain.internal.ChainQueries.TargetRow;
import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** A link's local enterprises or targets, as searched, as .xlsx on the platform's export kit (Chinese headers). */
@Service
public class LinkListExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	LinkListExport(MessageSource messages) {
		this.messages = messages;
	}

	public void locals(List<LocalRow> rows, OutputStream out) throws IOException {
		write("chain.locals", List.of("chain.field.enterprise", "field.uscc", "chain.field.strength",
				"chain.field.marks", "field.note"), rows, (r, row) -> row.text(r.enterprise().name())
					.text(r.enterprise().uscc())
					.text(t(r.local().strength().messageKey()))
					.text(marks(r.local().marks()))
					.text(r.local().note()), out);
	}

	public void targets(List<TargetRow> rows, OutputStream out) throws IOException {
		write("chain.targets", List.of("chain.field.enterprise", "field.uscc", "chain.field.priority",
				"chain.field.reason", "chain.export.trackerUnit", "chain.export.trackerPerson", "field.status",
				"chain.field.marks"), rows, (r, row) -> row.text(r.enterprise().name())
					.text(r.enterprise().uscc())
					.text(t(r.target().priority().messageKey()))
					.text(r.target().reason())
					.text(r.trackerUnitName())
					.text(r.trackerPersonName())
					.text(t(r.target().status().messageKey()))
					.text(marks(r.target().marks())), out);
	}

	private <T> void write(String sheetKey, List<String> headers, List<T> rows,
			BiConsumer<T, SheetRow> cells, OutputStream out) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			SXSSFSheet sheet = wb.createSheet(t(sheetKey));
			var styles = WorkbookStyles.of(wb);
			styles.headerRow(sheet, headers.stream()
				.map(h -> new WorkbookStyles.Column(t(h), h.equals("chain.field.enterprise") || h.endsWith("reason")
						? 30 : 14))
				.toList());
			sheet.createFreezePane(0, 1);
			int next = 1;
			for (T r : rows) {
				cells.accept(r, styles.row(sheet, next++));
			}
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String marks(Marks m) {
		List<String> names = new ArrayList<>();
		if (m.leading()) {
			names.add(t("chain.mark.leading"));
		}
		if (m.centralSoe()) {
			names.add(t("chain.mark.centralSoe"));
		}
		if (m.provincialSoe()) {
			names.add(t("chain.mark.provincialSoe"));
		}
		if (m.backboneAffiliate()) {
			names.add(t("chain.mark.backboneAffiliate"));
		}
		return String.join(" / ", names);
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}
}
