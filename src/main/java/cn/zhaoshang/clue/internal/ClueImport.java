package cn.zhaoshang.clue.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports clues from an .xlsx workbook through the platform's import kit ({@link Importer}): row 1 holds the
 * headers, matched by their Chinese text in any order (those of the clue export, so an exported list imports again
 * unchanged; extra columns such as 最近跟进 are ignored); all or nothing. The rows' rules are {@link ClueRows}: the
 * form's rules and the user's scope; the same title and enterprise is the same clue (updated when a fact differs,
 * else counted unchanged); owner, assignee and status of an existing clue change only through their actions.
 */
@Service
public class ClueImport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A city's clue database grows by hundreds a year; a sheet with more rows is a mistake. */
	static final int MAX_ROWS = 5000;

	private final ClueRows.References references;
	private final MessageSource messages;
	private final Importer importer;
	private final ImportTemplates templates;

	ClueImport(ClueRows.References references, MessageSource messages, Importer importer, ImportTemplates templates) {
		this.references = references;
		this.messages = messages;
		this.importer = importer;
		this.templates = templates;
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		if (!ClueAccess.editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return importer.run(bytes, new ClueRows(columns(), references, user));
	}

	/** The empty template: the headers (required ones in red), frozen. */
	public void template(OutputStream out) throws IOException {
		templates.write(t("clue.export.sheet"), columns(), out);
	}

	public String templateFileName(Locale locale) {
		return templates.fileName("clue.import.templateFileName", locale);
	}

	/** The columns in the template's order, each with the headers it is recognised by (the first shown). */
	ImportColumns columns() {
		return ImportColumns.of(column("title", "clue.col.title").required(),
				column("enterprise", "clue.col.enterprise", "clue.import.header.enterprise").required(),
				column("uscc", "clue.import.header.uscc"),
				column("chain", "clue.col.chain", "clue.import.header.chain").required(),
				column("chainLink", "field.chainLink"), column("investment", "clue.col.investment"),
				column("mode", "clue.col.mode"), column("source", "clue.col.source", "clue.import.header.source"),
				column("sourceCredit", "field.sourceCredit", "clue.import.header.sourceCredit"),
				column("owner", "clue.col.owner"), column("assignee", "clue.col.assignee"),
				column("status", "clue.col.status"), column("notes", "field.notes", "clue.import.header.notes"));
	}

	private ImportColumn column(String field, String key, String... aliasKeys) {
		var column = ImportColumn.of(field, t(key));
		for (String alias : aliasKeys) {
			column = column.alias(t(alias));
		}
		return column;
	}

	/** In Chinese, like the file. */
	private String t(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
