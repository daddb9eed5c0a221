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

		static ProgressInput empty(java.time.Clock clock) {
			return new ProgressInput(LocalDate.now(clock), "", null);
		}
	}

	/**
	 * A line of the stage history: a stage or status move, or a recorded milestone (REGISTERED), newest first by
	 * when it was submitted or recorded.
	 */
	public record TimelineEntry(ProjectQueries.Move move, cn.zhaoshang.project.internal.Milestones.Line milestone) {

		public boolean isMilestone() {
			return milestone != null;
		}

		static List<TimelineEntry> merge(List<ProjectQueries.Move> moves,
				List<cn.zhaoshang.project.internal.Milestones.Line> milestones) {
			var entries = new java.util.ArrayList<TimelineEntry>(moves.size() + milestones.size());
			moves.forEach(m -> entries.add(new TimelineEntry(m, null)));
			milestones.forEach(l -> entries.add(new TimelineEntry(null, l)));
			// both lists come newest first; a stable sort keeps each one's own order for equal instants
			entries.sort(java.util.Comparator.comparing(TimelineEntry::at).reversed());
			return entries;
		}

		private java.time.Instant at() {
			return milestone != null ? milestone.recordedAt() : move.submittedAt();
		}
	}
}
