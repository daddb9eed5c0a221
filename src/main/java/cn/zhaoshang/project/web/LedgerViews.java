package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.HistoryEntry;
import cn.zhaoshang.project.internal.ProjectQueries;

/** The small view records the ledger's templates take (public, as the generated templates live elsewhere). */
public final class LedgerViews {

	private LedgerViews() {
	}

	/** A saved filter as the list's drop-down shows it. */
	public record SavedFilter(long id, String name, String query) {
	}

	/** A Kanban column with the list query that shows all of its projects. */
	public record BoardColumn(ProjectQueries.Column column, String listQuery) {
	}

	/**
	 * A row of the grouped ledger: the group, the message key of its label when it is a stage (null for a unit or
	 * chain, whose name is the label) and the list query showing its projects.
	 */
	public record GroupRow(ProjectQueries.Group group, String labelKey, String listQuery) {
	}

	/** A project whose move awaits review, with that move. */
	public record ReviewItem(ProjectQueries.Row row, ProjectQueries.Move move) {
	}

	/** What the conflict panel shows: the fields whose stored value differs from this user's, and the last change. */
	public record Conflict(List<Difference> differences, HistoryEntry lastChange) {
	}

	/** A field whose stored (other person's) value differs from what this user typed. */
	public record Difference(String field, String label, String theirs, String yours) {
	}

	/** What the progress form shows (again, after a refusal). */
	public record ProgressInput(LocalDate date, String text, BigDecimal paidIn) {

		static ProgressInput empty(LocalDate today) {
			return new ProgressInput(today, "", null);
		}
	}
}
