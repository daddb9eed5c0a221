package cn.zhaoshang.project.internal;

import java.util.List;

import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.Uscc;

import org.springframework.stereotype.Component;

/**
 * One imported ledger row to its values: each cell read by {@link LedgerCells}, names looked up in the
 * {@link LedgerReferenceData}, the stage's dates checked by {@link LedgerRowRules}.
 */
@Component
class LedgerRowParser {

	private final LedgerFormat format;

	LedgerRowParser(LedgerFormat format) {
		this.format = format;
	}

	/** The row's values, or null when any cell breaks a rule (each added to the errors). */
	LedgerRow parse(ImportSheet.Row row, LedgerReferenceData ctx, List<CellError> errors) {
		var cells = new LedgerCells(row, ctx.columns, format, errors);
		var line = new LedgerRow();
		line.row = row.number();
		line.name = cells.text(LedgerColumn.NAME, 200);
		String investorName = cells.text(LedgerColumn.INVESTOR, 200);
		String uscc = cells.text(LedgerColumn.USCC, 40);
		if (uscc != null) {
			uscc = Uscc.normalize(uscc);
			if (!Uscc.isValid(uscc)) {
				cells.error(LedgerColumn.USCC, "validation.uscc");
			}
		}
		line.investor = new InvestorRef(investorName, uscc);
		String unitName = cells.text(LedgerColumn.UNIT, 200);
		if (unitName != null) {
			line.unit = ctx.unitsByName.get(unitName);
			if (line.unit == null) {
				cells.error(LedgerColumn.UNIT, "ledger.import.error.unknownUnit", unitName);
			}
			else if (!ctx.scope.canEdit(line.unit.id())) {
				cells.error(LedgerColumn.UNIT, "ledger.import.error.unitOutOfScope", unitName);
			}
		}
		String chainName = cells.text(LedgerColumn.CHAIN, 100);
		if (chainName != null) {
			line.chain = ctx.chainsByName.get(chainName);
			if (line.chain == null) {
				cells.error(LedgerColumn.CHAIN, "ledger.import.error.unknownChain", chainName);
			}
		}
		String typeWord = cells.text(LedgerColumn.TYPE, 100);
		if (typeWord != null) {
			line.types = format.types(typeWord).orElse(null);
			if (line.types == null) {
				cells.error(LedgerColumn.TYPE, "ledger.import.error.type");
			}
			else if (line.types.problem().isPresent()) {
				cells.error(LedgerColumn.TYPE, "ledger.import.error.typeNewOrExpansion");
			}
			else {
				line.type = line.types.primary();
			}
		}
		line.planned = cells.amount(LedgerColumn.PLANNED);
		line.foreign = cells.amount(LedgerColumn.FOREIGN);
		String stageWord = cells.text(LedgerColumn.STAGE, 20);
		if (stageWord != null) {
			line.stage = format.stage(stageWord).orElse(null);
			if (line.stage == null) {
				cells.error(LedgerColumn.STAGE, "ledger.import.error.stage");
			}
		}
		line.signed = cells.date(LedgerColumn.SIGNED_DATE, ctx.today);
		line.commenced = cells.date(LedgerColumn.COMMENCED_DATE, ctx.today);
		line.production = cells.date(LedgerColumn.PRODUCTION_DATE, ctx.today);
		if (line.stage != null) {
			LedgerRowRules.checkStageDates(line, cells);
		}
		line.negotiation = cells.date(LedgerColumn.NEGOTIATION_DATE, ctx.today);
		line.registered = cells.date(LedgerColumn.REGISTERED_DATE, ctx.today);
		if (line.registered != null && line.stage != null && line.stage.isBefore(cn.zhaoshang.project.Stage.SIGNED)) {
			cells.error(LedgerColumn.REGISTERED_DATE, "ledger.import.error.dateBeyondStage",
					new org.springframework.context.support.DefaultMessageSourceResolvable(line.stage.messageKey()));
		}
		line.leader = cells.text(LedgerColumn.LEADER, 50);
		line.attendant = cells.text(LedgerColumn.ATTENDANT, 50);
		line.key = cells.yesNo(LedgerColumn.KEY);
		line.progress = cells.text(LedgerColumn.PROGRESS, 2000);
		return cells.failed() ? null : line;
	}
}
