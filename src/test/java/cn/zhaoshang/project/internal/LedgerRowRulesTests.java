package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.merchant.Merchants.InvestorRef;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;

/**
 * The ledger import's row rules (stage dates, repeated rows, what may happen to an existing project) and what a
 * checked row does to a project ({@link LedgerRowApplier}), without a database.
 */
class LedgerRowRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
	static final UnitSummary MINE = new UnitSummary(new UnitId(1L), "U1", "Mine", "Mine", "COUNTY", null, true);
	static final UnitSummary OTHER = new UnitSummary(new UnitId(2L), "U2", "Other", "Other", "COUNTY", null, true);
	static final Chain CHAIN = new Chain(new ChainId(3L), "C", "Chain", "Chain", 1, true);

	final LedgerRowRules rules = new LedgerRowRules(LedgerCellsTests.FORMAT);
	final List<CellError> errors = new ArrayList<>();

	static LedgerReferenceData ctx(LedgerColumn... columns) {
		Map<LedgerColumn, Integer> present = new EnumMap<>(LedgerColumn.class);
		for (int i = 0; i < columns.length; i++) {
			present.put(columns[i], i);
		}
		var scope = new DataScope(false, false, Set.of(MINE.id()), Set.of(MINE.id()));
		return new LedgerReferenceData(present, scope, TODAY, List.of(MINE, OTHER), List.of(CHAIN), List.of());
	}

	LedgerCells cells(int row) {
		return new LedgerCells(new ImportSheet.Row(row, Map.of()), Map.of(), LedgerCellsTests.FORMAT, errors);
	}

	static LedgerRow row(int number, Stage stage, LocalDate signed, LocalDate commenced, LocalDate production) {
		var line = new LedgerRow();
		line.row = number;
		line.name = "P" + number;
		line.investor = new InvestorRef("Investor", null);
		line.unit = MINE;
		line.chain = CHAIN;
		line.type = ProjectType.NEW;
		line.planned = new BigDecimal("100.00");
		line.stage = stage;
		line.signed = signed;
		line.commenced = commenced;
		line.production = production;
		line.merchantId = 9;
		line.investorName = "Investor";
		return line;
	}

	static Project project(Stage stage, UnitSummary unit) {
		var p = new Project();
		p.id = 5L;
		p.code = "ZS-2026-00005";
		p.name = "P2";
		p.merchantId = 9L;
		p.investorName = "Investor";
		p.unitId = unit.id().value();
		p.chainId = CHAIN.id().value();
		p.type = ProjectType.NEW;
		p.stage = stage;
		p.plannedInvestment = new BigDecimal("100.0");
		p.version = 3;
		return p;
	}

	List<String> keys() {
		return errors.stream().map(e -> e.row() + " " + e.column() + " " + e.messageKey()).toList();
	}

	String header(LedgerColumn c) {
		return LedgerCellsTests.FORMAT.header(c);
	}

	@Test
	void a_stage_needs_the_dates_of_the_stages_reached_and_no_others() {
		LedgerRowRules.checkStageDates(row(2, Stage.COMMENCED, TODAY, null, TODAY), cells(2));
		assertThat(keys()).containsExactly("2 " + header(LedgerColumn.COMMENCED_DATE) + " ledger.import.error.stageDate",
				"2 " + header(LedgerColumn.PRODUCTION_DATE) + " ledger.import.error.dateBeyondStage");
	}

	@Test
	void stage_dates_follow_the_stages_order() {
		LedgerRowRules.checkStageDates(row(3, Stage.IN_PRODUCTION, TODAY, TODAY.minusDays(1), TODAY.minusDays(2)),
				cells(3));
		assertThat(keys()).containsExactly("3 " + header(LedgerColumn.COMMENCED_DATE) + " ledger.import.error.dateOrder",
				"3 " + header(LedgerColumn.PRODUCTION_DATE) + " ledger.import.error.dateOrder");
	}

	@Test
	void negotiating_without_dates_is_fine() {
		LedgerRowRules.checkStageDates(row(2, Stage.NEGOTIATING, null, null, null), cells(2));
		assertThat(errors).isEmpty();
	}

	@Test
	void a_repeated_row_is_dropped_with_an_error_naming_the_first() {
		var kept = rules.withoutRepeats(List.of(row(2, Stage.NEGOTIATING, null, null, null),
				row(3, Stage.NEGOTIATING, null, null, null), row(2, Stage.SIGNED, TODAY, null, null)),
				LedgerRow::fileKey, errors);
		assertThat(kept).extracting(l -> l.row).containsExactly(2, 3);
		assertThat(keys()).containsExactly("2 " + header(LedgerColumn.NAME) + " ledger.import.error.duplicateRow");
		assertThat(errors.get(0).args()).containsExactly("2");
	}

	@Test
	void an_existing_project_never_moves_back_nor_while_on_hold_nor_in_another_unit() {
		var back = row(2, Stage.NEGOTIATING, null, null, null);
		back.project = project(Stage.SIGNED, MINE);
		rules.checkExisting(back, ctx(), errors);
		var onHold = row(3, Stage.SIGNED, TODAY, null, null);
		onHold.project = project(Stage.NEGOTIATING, MINE);
		onHold.project.status = ProjectStatus.ON_HOLD;
		rules.checkExisting(onHold, ctx(), errors);
		var pending = row(4, Stage.SIGNED, TODAY, null, null);
		pending.project = project(Stage.NEGOTIATING, MINE);
		pending.project.pendingMoveId = 8L;
		rules.checkExisting(pending, ctx(), errors);
		var other = row(5, Stage.NEGOTIATING, null, null, null);
		other.project = project(Stage.NEGOTIATING, OTHER);
		rules.checkExisting(other, ctx(), errors);
		var forward = row(6, Stage.SIGNED, TODAY, null, null);
		forward.project = project(Stage.NEGOTIATING, MINE);
		rules.checkExisting(forward, ctx(), errors);
		String stage = header(LedgerColumn.STAGE);
		assertThat(keys()).containsExactly("2 " + stage + " ledger.import.error.stageBackward",
				"3 " + stage + " validation.stage.notActive", "4 " + stage + " ledger.import.error.pendingReview",
				"5 " + header(LedgerColumn.NAME) + " ledger.import.error.otherUnit");
		assertThat(errors.get(3).args()).containsExactly("ZS-2026-00005", "Other");
	}

	@Test
	void a_row_equal_to_its_project_changes_nothing_and_amounts_compare_by_value() {
		var line = row(2, Stage.NEGOTIATING, null, null, null);
		line.project = project(Stage.NEGOTIATING, MINE);
		var changes = LedgerRowApplier.apply(List.of(line), ctx(LedgerColumn.NAME, LedgerColumn.PLANNED), "city",
				Instant.EPOCH);
		assertThat(changes.unchanged()).isEqualTo(1);
		assertThat(changes.changed()).isEmpty();
		assertThat(changes.created()).isEmpty();
	}

	@Test
	void a_missing_column_keeps_the_field_a_blank_cell_clears_it_and_a_move_forward_waits_for_evidence() {
		var line = row(2, Stage.SIGNED, TODAY, null, null);
		line.project = project(Stage.NEGOTIATING, MINE);
		line.project.foreignInvestment = new BigDecimal("7.00");
		line.project.leaderName = "Someone";
		line.project.latestProgress = "Earlier";
		// the sheet has the leader column (blank here) but no foreign-investment column; no progress text
		var changes = LedgerRowApplier.apply(List.of(line), ctx(LedgerColumn.NAME, LedgerColumn.LEADER), "city",
				Instant.EPOCH);
		Project p = changes.changed().get(0);
		assertThat(p.foreignInvestment).isEqualByComparingTo("7");
		assertThat(p.leaderName).isNull();
		assertThat(p.latestProgress).isEqualTo("Earlier");
		assertThat(p.stage).isEqualTo(Stage.SIGNED);
		assertThat(p.evidencePending).isTrue();
		assertThat(p.updatedAt).isEqualTo(Instant.EPOCH);
		assertThat(changes.before().get(p)).isNotNull();
	}

	@Test
	void a_new_project_above_negotiating_waits_for_evidence() {
		var changes = LedgerRowApplier.apply(List.of(row(2, Stage.SIGNED, TODAY, null, null),
				row(3, Stage.NEGOTIATING, null, null, null)), ctx(), "city", Instant.EPOCH);
		assertThat(changes.created()).extracting(p -> p.evidencePending).containsExactly(true, false);
		assertThat(changes.created()).extracting(p -> p.createdBy).containsOnly("city");
	}
}
