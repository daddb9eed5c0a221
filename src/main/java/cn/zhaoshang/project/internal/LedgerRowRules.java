package cn.zhaoshang.project.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The rules of an imported ledger row beyond its single cells: the dates a stage needs, one row per project, and
 * what an import may do to a project already in the ledger.
 */
@Component
class LedgerRowRules {

	private final LedgerFormat format;

	LedgerRowRules(LedgerFormat format) {
		this.format = format;
	}

	/**
	 * A stage above 在谈 needs the date of each stage reached, the dates of stages not reached stay empty (the ledger
	 * never claims what is not so, as after a backward move), and the dates follow the stages' order.
	 */
	static void checkStageDates(LedgerRow line, LedgerCells cells) {
		stageDate(line.stage, Stage.SIGNED, LedgerColumn.SIGNED_DATE, line.signed, cells);
		stageDate(line.stage, Stage.COMMENCED, LedgerColumn.COMMENCED_DATE, line.commenced, cells);
		stageDate(line.stage, Stage.IN_PRODUCTION, LedgerColumn.PRODUCTION_DATE, line.production, cells);
		if (line.signed != null && line.commenced != null && line.commenced.isBefore(line.signed)) {
			cells.error(LedgerColumn.COMMENCED_DATE, "ledger.import.error.dateOrder",
					resolvable(LedgerColumn.SIGNED_DATE.messageKey()), line.signed);
		}
		if (line.commenced != null && line.production != null && line.production.isBefore(line.commenced)) {
			cells.error(LedgerColumn.PRODUCTION_DATE, "ledger.import.error.dateOrder",
					resolvable(LedgerColumn.COMMENCED_DATE.messageKey()), line.commenced);
		}
	}

	private static void stageDate(Stage stage, Stage reached, LedgerColumn column, LocalDate date,
			LedgerCells cells) {
		if (cells.failed(column)) {
			return;
		}
		if (!stage.isBefore(reached) && date == null) {
			cells.error(column, "ledger.import.error.stageDate", resolvable(stage.messageKey()));
		}
		else if (stage.isBefore(reached) && date != null) {
			cells.error(column, "ledger.import.error.dateBeyondStage", resolvable(stage.messageKey()));
		}
	}

	/** Drops the second and later rows of the same project, each with an error naming the first. */
	List<LedgerRow> withoutRepeats(List<LedgerRow> lines, Function<LedgerRow, Object> key, List<CellError> errors) {
		Map<Object, LedgerRow> first = new HashMap<>();
		List<LedgerRow> kept = new ArrayList<>(lines.size());
		for (LedgerRow line : lines) {
			LedgerRow earlier = first.putIfAbsent(key.apply(line), line);
			if (earlier == null) {
				kept.add(line);
			}
			else {
				errors.add(new CellError(line.row, format.header(LedgerColumn.NAME),
						"ledger.import.error.duplicateRow", String.valueOf(earlier.row)));
			}
		}
		return kept;
	}

	/**
	 * The rules for changing a project that is already in the ledger: only within the importer's scope, never back,
	 * and never the stage of a project that is not active or has a move awaiting review.
	 */
	void checkExisting(LedgerRow line, LedgerReferenceData ctx, List<CellError> errors) {
		Project p = line.project;
		String column = format.header(LedgerColumn.STAGE);
		if (!ctx.scope.canEdit(p.unit())) {
			UnitSummary owner = ctx.unitsById.get(p.unit());
			errors.add(new CellError(line.row, format.header(LedgerColumn.NAME), "ledger.import.error.otherUnit",
					p.code, owner == null ? "" : owner.name()));
		}
		else if (line.stage.isBefore(p.stage)) {
			errors.add(new CellError(line.row, column, "ledger.import.error.stageBackward", p.code,
					resolvable(p.stage.messageKey())));
		}
		else if (line.stage != p.stage && p.status != ProjectStatus.ACTIVE) {
			errors.add(new CellError(line.row, column, "validation.stage.notActive"));
		}
		else if (line.stage != p.stage && p.hasPendingMove()) {
			errors.add(new CellError(line.row, column, "ledger.import.error.pendingReview", p.code));
		}
	}

	/** A message argument resolved in the reader's language (a stage or column name). */
	private static DefaultMessageSourceResolvable resolvable(String key) {
		return new DefaultMessageSourceResolvable(key);
	}
}
