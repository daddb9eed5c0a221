package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;

/**
 * The cells of one imported ledger row, read by column with the ledger format's rules; each broken rule becomes an
 * error of that row and column (the column's header as the sheet names it), and the cell reads as null.
 */
final class LedgerCells {

	private static final DateTimeFormatter[] DATE_TEXT = {
			DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT) };

	private final ImportSheet.Row row;
	private final Map<LedgerColumn, Integer> columns;
	private final LedgerFormat format;
	private final List<CellError> errors;
	private final Set<LedgerColumn> failed = EnumSet.noneOf(LedgerColumn.class);

	LedgerCells(ImportSheet.Row row, Map<LedgerColumn, Integer> columns, LedgerFormat format,
			List<CellError> errors) {
		this.row = row;
		this.columns = columns;
		this.format = format;
		this.errors = errors;
	}

	int row() {
		return row.number();
	}

	void error(LedgerColumn column, String key, Object... args) {
		failed.add(column);
		errors.add(new CellError(row.number(), format.header(column), key, args));
	}

	/** Whether any cell of the row broke a rule. */
	boolean failed() {
		return !failed.isEmpty();
	}

	boolean failed(LedgerColumn column) {
		return failed.contains(column);
	}

	private ImportSheet.Cell cell(LedgerColumn column) {
		Integer index = columns.get(column);
		ImportSheet.Cell cell = index == null ? null : row.cells().get(index);
		if (cell != null && cell.kind() == ImportSheet.Kind.ERROR) {
			error(column, "ledger.import.error.errorValue", cell.text());
			return null;
		}
		if (cell == null && column.required) {
			error(column, "validation.required");
		}
		return cell;
	}

	/** Trimmed text (numbers as Excel shows them), or null when blank. */
	String text(LedgerColumn column, int maxLength) {
		ImportSheet.Cell cell = cell(column);
		if (cell == null) {
			return null;
		}
		String text = cell.text().replace('\u00A0', ' ').strip();
		if (text.isEmpty()) {
			if (column.required) {
				error(column, "validation.required");
			}
			return null;
		}
		if (text.length() > maxLength) {
			error(column, "ledger.import.error.tooLong", String.valueOf(maxLength));
			return null;
		}
		return text;
	}

	/** 万元 or 万美元: a number (or numeric text), not negative, at most two decimals, twelve integer digits. */
	BigDecimal amount(LedgerColumn column) {
		ImportSheet.Cell cell = cell(column);
		if (cell == null) {
			return null;
		}
		BigDecimal value = switch (cell.kind()) {
			case NUMBER -> cell.number();
			case TEXT -> number(cell.text());
			default -> null;
		};
		if (value == null) {
			error(column, "ledger.import.error.number");
			return null;
		}
		// the platform's amount rule; only "too many decimals" keeps the import's own, more precise message
		BigDecimal stripped = value.stripTrailingZeros();
		String problem = value.signum() >= 0 && stripped.scale() > Amount.FRACTION_DIGITS
				? "ledger.import.error.decimals" : Amount.problem(stripped).orElse(null);
		if (problem != null) {
			error(column, problem);
			return null;
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static BigDecimal number(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "");
		if (s.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(s);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** An Excel date, or text as yyyy-MM-dd (yyyy/M/d also); not after today. */
	LocalDate date(LedgerColumn column, LocalDate today) {
		ImportSheet.Cell cell = cell(column);
		if (cell == null) {
			return null;
		}
		LocalDate date = switch (cell.kind()) {
			case DATE -> cell.date();
			case TEXT -> parseDate(cell.text());
			default -> null;
		};
		if (date == null) {
			error(column, "ledger.import.error.date");
			return null;
		}
		if (date.isAfter(today)) {
			error(column, "validation.notFuture");
			return null;
		}
		return date;
	}

	private static LocalDate parseDate(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		for (DateTimeFormatter f : DATE_TEXT) {
			try {
				return LocalDate.parse(s, f);
			}
			catch (DateTimeParseException e) {
				// try the next pattern
			}
		}
		return null;
	}

	/** 是 or 否 (blank is 否); a TRUE/FALSE cell is taken as it is. */
	boolean yesNo(LedgerColumn column) {
		ImportSheet.Cell cell = cell(column);
		if (cell == null) {
			return false;
		}
		if (cell.kind() == ImportSheet.Kind.BOOLEAN) {
			return "TRUE".equals(cell.text());
		}
		Optional<Boolean> value = cell.kind() == ImportSheet.Kind.TEXT ? format.yesNo(cell.text().strip())
				: Optional.empty();
		if (value.isEmpty()) {
			error(column, "ledger.import.error.yesNo");
			return false;
		}
		return value.get();
	}
}
