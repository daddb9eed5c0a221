package cn.zhaoshang.platform;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The workbook of an export that can grow (the export kit): POI's streaming workbook, which keeps {@value #ROW_WINDOW}
 * rows in memory and writes the others to a temporary file, so that memory does not grow with the list. The
 * temporary file is gzip-compressed (a 200,000-row sheet is some 250 MB of XML) at the fastest level: the sheet is
 * deflated a second time, at the usual level, when the .xlsx is written, and at the default level the two passes
 * took about a quarter of the ledger export's CPU (docs/benchmarks.md). Close it (try-with-resources) and
 * {@link #dispose()} it in a finally block, which removes the temporary files.
 */
public class StreamingWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet. */
	public static final int ROW_WINDOW = 200;

	public StreamingWorkbook() {
		super(ROW_WINDOW);
		setCompressTempFiles(true);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new GZIPSheetDataWriter(getSharedStringSource()) {

			@Override
			protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
				return new FastGzip(fos);
			}
		};
	}

	/** gzip at {@link Deflater#BEST_SPEED} with a 64 KB buffer. */
	private static final class FastGzip extends GZIPOutputStream {

		FastGzip(OutputStream out) throws IOException {
			super(out, 1 << 16);
			def.setLevel(Deflater.BEST_SPEED);
		}
	}
}
