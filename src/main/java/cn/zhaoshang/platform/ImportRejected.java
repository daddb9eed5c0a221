package cn.zhaoshang.platform;

import java.io.Serial;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * An imported workbook breaks rules and nothing was saved: every broken rule as (row as Excel numbers it, column
 * header as in the file, reason). The API answers 422 with {@code errors: [{row, column, message}]}; pages list
 * {@link #resolved} as a table.
 */
public class ImportRejected extends BusinessException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** One broken rule: the reason is a message key (with its arguments) or an already resolved text. */
	public record CellError(int row, String column, String messageKey, Object... args) {
	}

	/** One broken rule in the reader's language. */
	public record CellProblem(int row, String column, String message) {
	}

	private final transient List<CellError> errors;

	public ImportRejected(String messageKey, List<CellError> errors) {
		super(422, messageKey, errors.size());
		this.errors = List.copyOf(errors);
	}

	public List<CellError> errors() {
		return errors;
	}

	public List<CellProblem> resolved(MessageSource messages, Locale locale) {
		return errors.stream()
			.map(e -> new CellProblem(e.row(), e.column(),
					messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
			.toList();
	}
}
