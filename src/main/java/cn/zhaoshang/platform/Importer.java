package cn.zhaoshang.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportRejected.CellError;

import org.springframework.stereotype.Component;

/**
 * Runs an import the same way for every module: the workbook through {@link WorkbookReader}; row 1 matched to the
 * module's {@link ImportColumns}; rows without text in a known column skipped; every row checked by the module's
 * {@link ImportRules} and every broken rule collected as (row, column, reason); a row repeating an earlier one
 * refused. <b>All or nothing</b>: if anything is refused, {@link ImportRejected} (422) lists it all and nothing is
 * written; otherwise every line is written and the counts returned. Call it inside the module's transaction, so that
 * a refusal found while writing rolls the rows written before it back.
 */
@Component
public class Importer {

	/** The one message of a refused file: the number of errors, and that nothing was imported. */
	public static final String REJECTED = "import.rejected";

	private final WorkbookReader reader;

	public Importer(WorkbookReader reader) {
		this.reader = reader;
	}

	private record Checked<L>(ImportRow row, L line) {
	}

	public <L> ImportResult run(byte[] bytes, ImportRules<L> rules) {
		try (var sheet = reader.firstSheet(bytes, "import.notXlsx", REJECTED)) {
			return run(sheet, rules);
		}
	}

	private <L> ImportResult run(ImportSheet sheet, ImportRules<L> rules) {
		List<CellError> errors = new ArrayList<>();
		ImportColumns columns = rules.columns();
		Map<String, Integer> found = columns.match(sheet.headers(), errors);
		refuseIfAny(errors);
		List<ImportRow> rows = new ArrayList<>();
		for (ImportSheet.Row r : sheet.dataRows()) {
			Map<String, ImportSheet.Cell> cells = new LinkedHashMap<>();
			found.forEach((field, index) -> {
				if (r.cells().containsKey(index)) {
					cells.put(field, r.cells().get(index));
				}
			});
			var row = new ImportRow(r.number(), cells, found.keySet(), columns, errors);
			if (row.any()) {
				rows.add(row);
			}
		}
		if (rows.isEmpty()) {
			throw new BusinessException("import.noRows");
		}
		if (rows.size() > rules.maxRows()) {
			throw new BusinessException("import.tooManyRows", rules.maxRows());
		}
		List<Checked<L>> lines = new ArrayList<>();
		Map<Object, Integer> seen = new HashMap<>();
		for (ImportRow row : rows) {
			int before = errors.size();
			L line = rules.check(row);
			if (line == null || errors.size() > before) {
				continue;
			}
			List<Object> keys = rules.sameKeys(line);
			Integer first = keys.stream().map(seen::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
			if (first != null) {
				rules.refuseRepeat(row, first);
				continue;
			}
			keys.forEach(k -> seen.put(k, row.number()));
			lines.add(new Checked<>(row, line));
		}
		refuseIfAny(errors);
		ImportResult result = ImportResult.of(0, 0, 0);
		for (Checked<L> checked : lines) {
			ImportResult.Outcome outcome = rules.write(checked.line(), checked.row());
			if (outcome != null) {
				result = result.plus(outcome);
			}
		}
		refuseIfAny(errors);
		rules.finish();
		return result;
	}

	private static void refuseIfAny(List<CellError> errors) {
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
	}
}
