package cn.zhaoshang.platform;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The workbook of an export that can grow (the export kit): POI's streaming workbook, which keeps {@value #ROW_WINDOW}
 * rows per sheet in memory and writes the others to a gzip-compressed temporary file, so that memory does not grow
 * with the list. Write its cells through {@link SheetRow}. Close it (try-with-resources) and {@link #dispose()} it
 * in a finally block, which makes sure the temporary files are removed.
 * <p>
 * Gzipping the temporary file at the fastest level instead (the sheet is deflated again into the .xlsx) was tried
 * on 2026-12-06 and showed no measurable gain in the ledger export (docs/benchmarks.md), so it was left out.
 */
public class StreamingWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet. */
	public static final int ROW_WINDOW = 200;

	public StreamingWorkbook() {
		super(ROW_WINDOW);
		setCompressTempFiles(true);
	}
}
