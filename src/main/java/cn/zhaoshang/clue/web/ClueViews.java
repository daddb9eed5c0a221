package cn.zhaoshang.clue.web;

import cn.zhaoshang.clue.internal.ClueQueries;

/** View models of the clue pages. */
public final class ClueViews {

	private ClueViews() {
	}

	/** A Kanban column with the list query that shows all of its clues. */
	public record BoardColumn(ClueQueries.Column column, String listQuery) {
	}
}
