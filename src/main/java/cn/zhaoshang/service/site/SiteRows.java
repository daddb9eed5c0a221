package cn.zhaoshang.service.site;

import java.util.List;

import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;

/**
 * What the land and the factory imports share: the same unit and name is the same record (a later row repeating
 * it is refused on its name), a new one is registered, a stored one changed when a cell differs and otherwise
 * counted unchanged.
 *
 * @param <I> the form's input
 * @param <S> the stored record
 */
abstract class SiteRows<I, S> implements ImportRules<SiteRows.Line<I, S>> {

	/** A checked row: the facts and the stored record they change (null: a new one). */
	record Line<I, S>(I input, S existing) {
	}

	private final ImportColumns columns;

	SiteRows(ImportColumns columns) {
		this.columns = columns;
	}

	/** The unit and name that make the record. */
	abstract String key(I input);

	abstract void create(I input);

	abstract void update(S existing, I input);

	abstract boolean same(S existing, I input);

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return SiteImport.MAX_ROWS;
	}

	@Override
	public List<Object> sameKeys(Line<I, S> line) {
		return List.of(key(line.input()));
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("name", "import.error.duplicateRow", firstRow);
	}

	@Override
	public Outcome write(Line<I, S> line, ImportRow row) {
		if (line.existing() == null) {
			create(line.input());
			return Outcome.CREATED;
		}
		if (same(line.existing(), line.input())) {
			return Outcome.UNCHANGED;
		}
		update(line.existing(), line.input());
		return Outcome.UPDATED;
	}
}
