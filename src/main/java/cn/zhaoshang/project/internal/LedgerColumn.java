package cn.zhaoshang.project.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the ledger workbook. The first sixteen are the import format of issue 3, in the template's order;
 * the export writes them in that order, followed by the {@link #EXPORT_ONLY} columns, which the import ignores, and
 * last the import columns of issue 10 ({@link #IMPORTED}) — so an exported file imports again unchanged. Header texts come from the Chinese bundle
 * ({@code ledger.column.<key>}); the workbook format is Chinese whatever the user's language.
 */
enum LedgerColumn {

	NAME("name", Kind.TEXT, true, 36),
	INVESTOR("investor", Kind.TEXT, true, 30),
	USCC("uscc", Kind.TEXT, false, 22),
	UNIT("unit", Kind.TEXT, true, 16),
	CHAIN("chain", Kind.TEXT, true, 14),
	TYPE("type", Kind.TEXT, true, 12),
	PLANNED("planned", Kind.AMOUNT, true, 18),
	FOREIGN("foreign", Kind.AMOUNT, false, 16),
	STAGE("stage", Kind.TEXT, true, 10),
	SIGNED_DATE("signedDate", Kind.DATE, false, 12),
	COMMENCED_DATE("commencedDate", Kind.DATE, false, 12),
	PRODUCTION_DATE("productionDate", Kind.DATE, false, 12),
	LEADER("leader", Kind.TEXT, false, 12),
	ATTENDANT("attendant", Kind.TEXT, false, 12),
	KEY("key", Kind.TEXT, false, 12),
	PROGRESS("progress", Kind.TEXT, false, 50),

	CODE("code", Kind.TEXT, false, 16),
	STATUS("status", Kind.TEXT, false, 10),
	CONTRACTED("contracted", Kind.AMOUNT, false, 18),
	PAID_IN("paidIn", Kind.AMOUNT, false, 18),
	EVIDENCE_PENDING("evidencePending", Kind.TEXT, false, 10),

	NEGOTIATION_DATE("negotiationDate", Kind.DATE, false, 12),
	REGISTERED_DATE("registeredDate", Kind.DATE, false, 12);

	/** How a column's cells are written (and read). */
	enum Kind {
		TEXT, AMOUNT, DATE
	}

	/**
	 * The import format: these columns are read, in any order. The columns of issue 10 (洽谈日期, 注册日期) come last,
	 * after the export-only ones, so that the sheets and templates made before them still import: both are optional,
	 * and a sheet without them leaves the stored dates as they are.
	 */
	static final List<LedgerColumn> IMPORTED = java.util.stream.Stream
		.concat(Arrays.asList(values()).subList(0, PROGRESS.ordinal() + 1).stream(),
				java.util.stream.Stream.of(NEGOTIATION_DATE, REGISTERED_DATE))
		.toList();

	/** Written by the export after the first import columns, for the reader; ignored by the import. */
	static final List<LedgerColumn> EXPORT_ONLY = Arrays.asList(values()).subList(CODE.ordinal(),
			EVIDENCE_PENDING.ordinal() + 1);

	final String key;
	final Kind kind;
	final boolean required;
	/** Column width in characters (a CJK character counts about two). */
	final int width;

	LedgerColumn(String key, Kind kind, boolean required, int width) {
		this.key = key;
		this.kind = kind;
		this.required = required;
		this.width = width;
	}

	String messageKey() {
		return "ledger.column." + key;
	}
}
