package cn.zhaoshang.service.site;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The filtered land and factory lists as .xlsx on the platform's export kit: Chinese headers (the sheets go to
 * Chinese offices), areas and prices as numbers, dates as dates.
 */
@Component
class SiteExport {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final List<String> PARCEL_HEADERS = List.of("field.name", "field.unitId", "field.park",
			"field.location", "field.areaMu", "field.plannedUse", "field.chainIds", "field.waterReady",
			"field.powerReady", "field.gasReady", "field.roadReady", "field.price", "field.status", "site.col.project",
			"field.reservedOn");

	private static final List<String> FACTORY_HEADERS = List.of("field.name", "field.unitId", "field.park",
			"field.building", "field.floorAreaM2", "field.floors", "field.floorLoad", "field.crane",
			"field.craneTons", "field.rent", "field.status", "site.col.project", "field.reservedOn");

	private final SiteStore store;
	private final Chains chains;
	private final MessageSource messages;
	private final Clock clock;

	SiteExport(SiteStore store, Chains chains, MessageSource messages, Clock clock) {
		this.store = store;
		this.chains = chains;
		this.messages = messages;
		this.clock = clock;
	}

	String fileName(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale) + "-" + LocalDate.now(clock) + ".xlsx";
	}

	/** The list of the kind as a workbook: the same filter and order as the page. */
	void write(SiteKind kind, SiteFilter filter, DataScope scope, OutputStream out) throws IOException {
		if (kind == SiteKind.LAND) {
			parcels(filter, scope, out);
		}
		else {
			factories(filter, scope, out);
		}
	}

	private void parcels(SiteFilter filter, DataScope scope, OutputStream out) throws IOException {
		var names = chains.names(false);
		write("site.export.landSheet", PARCEL_HEADERS, out, (styles, sheet) -> {
			int[] next = { 1 };
			store.<LandParcel>forEach(SiteKind.LAND, filter, scope, p -> styles.row(sheet, next[0]++)
				.text(p.name())
				.text(p.unitName())
				.text(p.park())
				.text(p.location())
				.amount(p.areaMu())
				.text(t(p.plannedUse().messageKey()))
				.text(String.join(t("site.separator"), p.chainIds().stream().map(id -> names.getOrDefault(id, "")).toList()))
				.text(yes(p.waterReady()))
				.text(yes(p.powerReady()))
				.text(yes(p.gasReady()))
				.text(yes(p.roadReady()))
				.amount(p.price())
				.text(t(p.status().messageKey()))
				.text(p.projectCode())
				.date(p.reservedOn()));
		});
	}

	private void factories(SiteFilter filter, DataScope scope, OutputStream out) throws IOException {
		write("site.export.factorySheet", FACTORY_HEADERS, out, (styles, sheet) -> {
			int[] next = { 1 };
			store.<Factory>forEach(SiteKind.FACTORY, filter, scope, f -> styles.row(sheet, next[0]++)
				.text(f.name())
				.text(f.unitName())
				.text(f.park())
				.text(f.building())
				.amount(f.floorAreaM2())
				.integer(f.floors())
				.amount(f.floorLoad())
				.text(yes(f.crane()))
				.amount(f.craneTons())
				.amount(f.rent())
				.text(t(f.status().messageKey()))
				.text(f.projectCode())
				.date(f.reservedOn()));
		});
	}

	private interface Rows {
		void write(WorkbookStyles styles, SXSSFSheet sheet);
	}

	private void write(String sheetKey, List<String> headers, OutputStream out, Rows rows) throws IOException {
		var wb = new StreamingWorkbook();
		try (wb) {
			SXSSFSheet sheet = wb.createSheet(t(sheetKey));
			var styles = WorkbookStyles.of(wb);
			List<WorkbookStyles.Column> columns = new ArrayList<>();
			for (int i = 0; i < headers.size(); i++) {
				columns.add(new WorkbookStyles.Column(t(headers.get(i)), i == 0 ? 30 : 14));
			}
			styles.headerRow(sheet, columns);
			sheet.createFreezePane(0, 1);
			rows.write(styles, sheet);
			wb.write(out);
		}
		finally {
			wb.dispose();
		}
	}

	private String yes(boolean b) {
		return t(b ? "site.yes" : "site.no");
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}

}
