package cn.zhaoshang.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

/**
 * Publications of supervision documents and their corrections (DESIGN section 6, ADR 0014). Publishing records what
 * was published (kind, period, title, who, when) and freezes the figures it shows: {@link SupervisionFigures#of} of
 * the period, per unit and for the city, for the period and the year to date, as a JSON snapshot that never changes.
 *
 * <p>Later writes to a project are allowed but never change a publication: after each committed project write the
 * figures of every publication are computed again and each figure (unit, indicator, period or year to date) that
 * now differs from what was last known of it is recorded as a {@link Correction}, with the project, the change and
 * who made it. City-bureau users get a notice per publication that received corrections.
 *
 * <p>Independent of any one document: the monthly notification uses it, the quarterly ranking can (its own frozen
 * inputs stay its own; this freezes the shared figures beside them).
 */
public interface Publications {

	/** What was published. */
	enum Kind {
		/** Monthly notification (a month). */
		MONTHLY,
		/** Quarterly ranking (a quarter). */
		RANKING,
		/** Weekly dynamics. */
		WEEKLY,
		/** Half-year observation. */
		OBSERVATION,
		/** Year-end summary. */
		YEAR_END
	}

	/** Period figures or year-to-date figures of a publication. */
	enum Scope {
		PERIOD, YTD
	}

	/**
	 * A publication.
	 *
	 * @param referenceId the publishing module's own record (the monthly notification's id, the ranking's id), or null
	 * @param link the page that shows the publication, for notices (e.g. {@code /supervision/monthly/2026-10})
	 * @param corrections how many corrections were recorded against it so far
	 */
	record Publication(long id, Kind kind, ReportingPeriod period, String title, Long referenceId, String link,
			String publishedBy, Instant publishedAt, int corrections) {
	}

	/**
	 * One figure a later change made differ from what a publication showed.
	 *
	 * @param unitId the unit, or null for the city's totals
	 * @param indicator the figure's field name ({@code fundsInPlace}, see {@link SupervisionFigures.Figures})
	 * @param then the figure as published (or as the previous correction of the same figure left it)
	 * @param now the figure after the change
	 * @param projectId the project whose write made the difference (the first, for a batch)
	 * @param action the audit action of that write ({@code FUNDS}, {@code STAGE_MOVE}, {@code UPDATE} ...)
	 * @param summary the audit summary of that write
	 * @param changedBy login name of who made the write
	 */
	record Correction(long id, long publicationId, UnitId unitId, String unitName, String indicator, Scope scope,
			BigDecimal then, BigDecimal now, Long projectId, String action, String summary, String changedBy,
			Instant recordedAt) {
	}

	/**
	 * Publishes: records the publication and freezes the period's figures as they are now. Join the caller's
	 * transaction (the caller's own publish and this commit together). Audited as {@code publication PUBLISH}.
	 *
	 * @param referenceId the caller's own record, or null
	 * @param link the page that shows it (for the bureau's notices about corrections)
	 */
	Publication publish(Kind kind, ReportingPeriod period, String title, Long referenceId, String link,
			CurrentUser by);

	Optional<Publication> find(long id);

	/** The publications of a kind, newest first. */
	List<Publication> of(Kind kind);

	/** The figures as published (no completion: the snapshot holds the figures only). */
	SupervisionFigures.Result figures(long publicationId);

	/** The corrections of a publication, oldest first. */
	List<Correction> corrections(long publicationId);

	/**
	 * Compares every publication's frozen figures with the figures now and records the differences not recorded yet
	 * (the project listener calls it after each committed project write). Returns how many corrections were added.
	 */
	int check(ProjectChange change);

	/**
	 * {@link #check(ProjectChange)} for the publications whose period ends on a day the write may have changed the
	 * figures of ({@code project.FiguresTouched}: the sums the figures read changed as of that day); the others
	 * cannot differ and are not recomputed.
	 */
	int check(ProjectChange change, java.util.function.Predicate<java.time.LocalDate> touched);

	/** The write that may have changed published figures, as the audit trail describes it. */
	record ProjectChange(Long projectId, String action, String summary, String changedBy) {
	}
}
