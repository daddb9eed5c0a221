package cn.zhaoshang.supervision.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a year's targets from an .xlsx workbook through the platform's import kit ({@link Importer}), all or
 * nothing: one row per unit (by full or short name), the indicators' columns as the targets export writes them (so
 * an exported sheet imports again; its city total row is skipped). A blank cell means no target for that indicator;
 * a column left out keeps the stored figure. The rules are those of the API and the page ({@link TargetRules}); the
 * city bureau only.
 */
@Service
public class TargetImport {

	/** Each unit once: a city has a few dozen units at most. */
	static final int MAX_ROWS = 500;

	private final Importer importer;
	private final ImportTemplates templates;
	private final MessageSource messages;
	private final TargetYears years;
	private final TargetUnits units;
	private final TargetStore store;
	private final SetTargets targets;

	TargetImport(Importer importer, ImportTemplates templates, MessageSource messages, TargetYears years,
			TargetUnits units, TargetStore store, SetTargets targets) {
		this.importer = importer;
		this.templates = templates;
		this.messages = messages;
		this.years = years;
		this.units = units;
		this.store = store;
		this.targets = targets;
	}

	@Transactional
	public ImportResult execute(int year, byte[] bytes, CurrentUser user) {
		if (!SetTargets.mayEdit(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		years.require(year, 422);
		var stored = store.forYear(year);
		return importer.run(bytes, new TargetRows(this, year, units.of(stored.keySet()), stored, user));
	}

	/** The empty template: the unit column and the indicators, with notes and an example row. */
	public void template(OutputStream out) throws IOException {
		templates.write(zh("supervision.targets.sheet"), columns(), out);
	}

	public String templateFileName(Locale locale) {
		return templates.fileName("supervision.targets.templateFileName", locale);
	}

	/** The columns: year (optional, must be the import's year), unit, then the indicators in their order. */
	ImportColumns columns() {
		List<ImportColumn> columns = new ArrayList<>();
		columns.add(ImportColumn.of("year", zh("supervision.col.year")).note(zh("supervision.import.note.year"))
			.example("2026"));
		columns.add(ImportColumn.of("unit", zh("supervision.col.unit")).required()
			.note(zh("supervision.import.note.unit"))
			.example(zh("supervision.import.example.unit")));
		for (TargetIndicator i : TargetIndicator.values()) {
			columns.add(ImportColumn.of(i.field(), header(i))
				.note(zh(i.kind().amount() ? "supervision.import.note.amount" : "supervision.import.note.count"))
				.example(i.kind().amount() ? "120000" : "12"));
		}
		return new ImportColumns(columns);
	}

	/** The Chinese header of an indicator's column, with its unit (万元, 万美元). */
	String header(TargetIndicator i) {
		return zh("supervision.col." + i.field());
	}

	/** The label of the city total row of the export, skipped on import. */
	String totalLabel() {
		return zh("supervision.targets.total");
	}

	SetTargets targets() {
		return targets;
	}

	private String zh(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
