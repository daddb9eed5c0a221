package cn.zhaoshang.project.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;

import org.springframework.stereotype.Component;

/**
 * Row 1 of an imported ledger: which column holds which field, matched by header text in any order (extra columns
 * are ignored). A required header that is missing, or a header given twice, is an error of row 1.
 */
@Component
class LedgerHeaders {

	private final LedgerFormat format;

	LedgerHeaders(LedgerFormat format) {
		this.format = format;
	}

	/** The column index of each field the sheet has; broken rules added to the errors. */
	Map<LedgerColumn, Integer> columns(List<ImportSheet.Row> rows, List<CellError> errors) {
		Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
		if (!rows.isEmpty() && rows.get(0).number() == 1) {
			rows.get(0).cells().forEach((index, cell) -> {
				if (cell.kind() != ImportSheet.Kind.TEXT) {
					return;
				}
				format.column(cell.text()).filter(LedgerColumn.IMPORTED::contains).ifPresent(c -> {
					if (columns.putIfAbsent(c, index) != null) {
						errors.add(new CellError(1, format.header(c), "import.error.duplicateHeader"));
					}
				});
			});
		}
		for (LedgerColumn c : LedgerColumn.IMPORTED) {
			if (c.required && !columns.containsKey(c)) {
				errors.add(new CellError(1, format.header(c), "import.error.missingHeader"));
			}
		}
		return columns;
	}
}
