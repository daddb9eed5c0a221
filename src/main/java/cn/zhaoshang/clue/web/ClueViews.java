package cn.zhaoshang.clue.web;

import cn.zhaoshang.clue.internal.ClueQueries;

/** View models of the clue pages. */
public final class ClueViews {

	private ClueViews() {
	}

	/** A Kanban column with the list query that shows all of its clues. */
	public record BoardColumn(ClueQueries.Column column, String listQuery) {
	}

	/** One refused cell of an imported workbook as the import page and the API list it: row, column, reason. */
	public record ImportError(int row, String column, String message) {
	}
}
