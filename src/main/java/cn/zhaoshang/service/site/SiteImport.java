package cn.zhaoshang.service.site;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumn.Format;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports land parcels and factories from an .xlsx workbook through the platform's import kit ({@link Importer}),
 * all or nothing: row 1 holds the headers (the list export's, in Chinese; matched in any order, extra columns such as
 * the export's status ignored, so an exported list imports again). A row names its unit by full or short name (one
 * the user keeps land for) and the parcel or factory by its name; the same name in the same unit changes that record
 * (audited like a change on the form), a new name registers one as available stock. Rules are those of the form.
 */
@Service
public class SiteImport {

	/** A unit registers a few dozen parcels; the whole city a few hundred. */
	static final int MAX_ROWS = 2000;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Importer importer;
	private final ImportTemplates templates;
	private final MessageSource messages;
	private final Sites sites;
	private final SiteStore store;
	private final Units units;
	private final Chains chains;
	private final Clock clock;

	SiteImport(Importer importer, ImportTemplates templates, MessageSource messages, Sites sites, SiteStore store,
			Units units, Chains chains, Clock clock) {
		this.importer = importer;
		this.templates = templates;
		this.messages = messages;
		this.sites = sites;
		this.store = store;
		this.units = units;
		this.chains = chains;
		this.clock = clock;
	}

	@Transactional
	public ImportResult execute(SiteKind kind, byte[] bytes, CurrentUser user) {
		var cells = new SiteCells(units.all().stream().filter(UnitSummary::active).toList(), sites, user, clock,
				this::zh);
		if (kind == SiteKind.LAND) {
			Map<String, Long> chainIds = new LinkedHashMap<>();
			chains.names(false).forEach((id, name) -> chainIds.putIfAbsent(name, id));
			return importer.run(bytes, new ParcelRows(columns(kind), cells, uses(), chainIds, sites, store, user));
		}
		return importer.run(bytes, new FactoryRows(columns(kind), cells, sites, store, user));
	}

	/** The empty template with its help sheet and example row. */
	public void template(SiteKind kind, OutputStream out) throws IOException {
		templates.write(zh(kind.sheetKey()),
				columns(kind), ImportTemplates.Help.lines(zh("site.import.help")), out);
	}

	public String templateFileName(SiteKind kind, Locale locale) {
		return templates.fileName(kind.templateKey(), locale);
	}

	ImportColumns columns(SiteKind kind) {
		var unit = column("unitId", "unit").required();
		var name = column("name", kind == SiteKind.LAND ? "landName" : "factoryName").required();
		var park = column("park", "park");
		var note = column("note", "note");
		if (kind == SiteKind.LAND) {
			List<String> useWords = uses().keySet().stream().filter(w -> !w.matches("[A-Z_]+")).toList();
			return ImportColumns.of(unit, name, park, column("location", "location"),
					column("areaMu", "areaMu").required().format(Format.AMOUNT),
					column("plannedUse", "plannedUse").required().choices(useWords).example(useWords.get(0)),
					column("chainIds", "chains").example(chains.names(false).values().stream().findFirst().orElse(null)),
					yesNo("waterReady"), date("waterDate"), yesNo("powerReady"), date("powerDate"), yesNo("gasReady"),
					date("gasDate"), yesNo("roadReady"), date("roadDate"), column("price", "price").format(Format.AMOUNT),
					note);
		}
		return ImportColumns.of(unit, name, park, column("building", "building"),
				column("floorAreaM2", "floorAreaM2").required().format(Format.AMOUNT), column("floors", "floors"),
				column("floorLoad", "floorLoad").format(Format.AMOUNT), yesNo("crane"),
				column("craneTons", "craneTons").format(Format.AMOUNT), column("rent", "rent").format(Format.AMOUNT),
				note);
	}

	/** Planned uses by Chinese word and by code. */
	private Map<String, PlannedUse> uses() {
		Map<String, PlannedUse> words = new LinkedHashMap<>();
		for (PlannedUse u : PlannedUse.values()) {
			words.put(zh(u.messageKey()), u);
		}
		for (PlannedUse u : PlannedUse.values()) {
			words.putIfAbsent(u.name(), u);
		}
		return words;
	}

	/** A column headed by the field's label, with its note and example (site.import.example.*, if any). */
	private ImportColumn column(String field, String noteKey) {
		return ImportColumn.of(field, zh("field." + field))
			.note(zh("site.import.note." + noteKey))
			.example(messages.getMessage("site.import.example." + noteKey, null, null, CHINESE));
	}

	private ImportColumn yesNo(String field) {
		return column(field, "yesNo").choices(List.of(zh("site.yes"), zh("site.no")));
	}

	private ImportColumn date(String field) {
		return column(field, "date").format(Format.DATE);
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}
}
