package cn.zhaoshang.platform;

import java.util.List;

/**
 * The part of an import a module writes: its columns, how a row becomes a checked line (refusing cells through
 * {@link ImportRow#refuse}), which lines are the same record, and how a line is written. {@link Importer} does the
 * rest — reading, header matching, limits, all-or-nothing, the counts. One instance serves one import (it may keep
 * what the rows are read against, or what it writes at the end).
 *
 * @param <L> a row that passed every check, ready to write
 */
public interface ImportRules<L> {

	ImportColumns columns();

	/** The most data rows one file may have (a larger one is refused before any row is checked). */
	default int maxRows() {
		return Integer.MAX_VALUE;
	}

	/** The row checked against every rule; null, or any refusal through the row, when it breaks one. */
	L check(ImportRow row);

	/** What makes two lines the same record: a later row sharing any of these keys is refused. */
	default List<Object> sameKeys(L line) {
		return List.of();
	}

	/** Refuses a row that repeats an earlier row of the file (by {@link #sameKeys}). */
	default void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse(columns().all().get(0).field(), "import.error.duplicateRow", firstRow);
	}

	/**
	 * Writes a checked line (all of them in the caller's transaction); what it did, or null after refusing the row
	 * through it (a rule only the writing finds: the whole file is then refused and the transaction rolls back).
	 */
	ImportResult.Outcome write(L line, ImportRow row);

	/** After every line was written: what is written once for all (an audit batch). */
	default void finish() {
	}
}
