package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.ImportSheet.Cell;
import cn.zhaoshang.platform.ImportSheet.Kind;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The cell rules of the ledger import, one cell at a time, with the error each broken rule gives. */
class LedgerCellsTests {

	static final LedgerFormat FORMAT = new LedgerFormat(messages());

	static ResourceBundleMessageSource messages() {
		var m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/project");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	final List<CellError> errors = new ArrayList<>();

	/** A row 7 whose only column (A) is the given field, holding the given cell (null: blank). */
	LedgerCells cells(LedgerColumn column, Cell cell) {
		Map<Integer, Cell> byIndex = new HashMap<>();
		if (cell != null) {
			byIndex.put(0, cell);
		}
		Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
		columns.put(column, 0);
		return new LedgerCells(new ImportSheet.Row(7, byIndex), columns, FORMAT, errors);
	}

	static Cell text(String s) {
		return new Cell(Kind.TEXT, s, null, null);
	}

	static Cell number(String s) {
		return new Cell(Kind.NUMBER, s, new BigDecimal(s), null);
	}

	BigDecimal amount(Cell cell) {
		return cells(LedgerColumn.PLANNED, cell).amount(LedgerColumn.PLANNED);
	}

	String onlyError() {
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).row()).isEqualTo(7);
		return errors.get(0).messageKey();
	}

	@Test
	void amounts_are_numbers_or_numeric_text_with_two_decimals_at_most() {
		assertThat(amount(number("12.5"))).isEqualTo(new BigDecimal("12.50"));
		assertThat(amount(text(" 1,234.50 "))).isEqualTo(new BigDecimal("1234.50"));
		// full-width digits, as a Chinese input method types them
		assertThat(amount(text("\uFF11\uFF12"))).isEqualTo(new BigDecimal("12.00"));
		assertThat(amount(number("999999999999.99"))).isEqualTo(new BigDecimal("999999999999.99"));
		assertThat(errors).isEmpty();
	}

	@Test
	void an_amount_with_three_decimals_is_refused_by_its_column() {
		assertThat(amount(number("1.234"))).isNull();
		assertThat(onlyError()).isEqualTo("ledger.import.error.decimals");
		assertThat(errors.get(0).column()).isEqualTo(FORMAT.header(LedgerColumn.PLANNED));
	}

	@Test
	void an_amount_of_thirteen_integer_digits_is_refused() {
		assertThat(amount(number("1000000000000"))).isNull();
		assertThat(onlyError()).isEqualTo("validation.amount");
	}

	@Test
	void a_negative_amount_is_refused() {
		assertThat(amount(text("-5"))).isNull();
		assertThat(onlyError()).isEqualTo("validation.notNegative");
	}

	@Test
	void text_that_is_no_number_is_refused_as_an_amount() {
		assertThat(amount(text("about 5"))).isNull();
		assertThat(onlyError()).isEqualTo("ledger.import.error.number");
	}

	@Test
	void a_required_cell_left_blank_is_refused() {
		assertThat(amount(null)).isNull();
		assertThat(onlyError()).isEqualTo("validation.required");
		errors.clear();
		assertThat(cells(LedgerColumn.NAME, text(" \u00A0 ")).text(LedgerColumn.NAME, 200)).isNull();
		assertThat(onlyError()).isEqualTo("validation.required");
	}

	@Test
	void an_optional_blank_cell_is_null_without_error() {
		var cells = cells(LedgerColumn.FOREIGN, null);
		assertThat(cells.amount(LedgerColumn.FOREIGN)).isNull();
		assertThat(cells.failed()).isFalse();
		assertThat(errors).isEmpty();
	}

	@Test
	void text_over_its_length_is_refused_and_marks_the_column_failed() {
		var cells = cells(LedgerColumn.LEADER, text("x".repeat(51)));
		assertThat(cells.text(LedgerColumn.LEADER, 50)).isNull();
		assertThat(onlyError()).isEqualTo("ledger.import.error.tooLong");
		assertThat(cells.failed(LedgerColumn.LEADER)).isTrue();
	}

	@Test
	void an_excel_error_value_is_refused_with_its_code() {
		assertThat(amount(new Cell(Kind.ERROR, "#N/A", null, null))).isNull();
		assertThat(onlyError()).isEqualTo("ledger.import.error.errorValue");
		assertThat(errors.get(0).args()).containsExactly("#N/A");
	}

	@Test
	void dates_are_excel_dates_or_text_and_never_after_today() {
		LocalDate today = LocalDate.of(2026, 12, 6);
		assertThat(cells(LedgerColumn.SIGNED_DATE, new Cell(Kind.DATE, "2026-01-02", null, LocalDate.of(2026, 1, 2)))
			.date(LedgerColumn.SIGNED_DATE, today)).isEqualTo(LocalDate.of(2026, 1, 2));
		assertThat(cells(LedgerColumn.SIGNED_DATE, text("2026/3/4")).date(LedgerColumn.SIGNED_DATE, today))
			.isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(errors).isEmpty();
		assertThat(cells(LedgerColumn.SIGNED_DATE, text("2026-02-30")).date(LedgerColumn.SIGNED_DATE, today)).isNull();
		assertThat(onlyError()).isEqualTo("ledger.import.error.date");
		errors.clear();
		assertThat(cells(LedgerColumn.SIGNED_DATE, text("2026-12-07")).date(LedgerColumn.SIGNED_DATE, today)).isNull();
		assertThat(onlyError()).isEqualTo("validation.notFuture");
	}

	@Test
	void yes_no_reads_the_workbook_words_and_boolean_cells() {
		assertThat(cells(LedgerColumn.KEY, text(FORMAT.word(true))).yesNo(LedgerColumn.KEY)).isTrue();
		assertThat(cells(LedgerColumn.KEY, text(FORMAT.word(false))).yesNo(LedgerColumn.KEY)).isFalse();
		assertThat(cells(LedgerColumn.KEY, null).yesNo(LedgerColumn.KEY)).isFalse();
		assertThat(cells(LedgerColumn.KEY, new Cell(Kind.BOOLEAN, "TRUE", null, null)).yesNo(LedgerColumn.KEY))
			.isTrue();
		assertThat(errors).isEmpty();
		assertThat(cells(LedgerColumn.KEY, text("maybe")).yesNo(LedgerColumn.KEY)).isFalse();
		assertThat(onlyError()).isEqualTo("ledger.import.error.yesNo");
	}
}
