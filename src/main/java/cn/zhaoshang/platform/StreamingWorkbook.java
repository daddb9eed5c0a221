package cn.zhaoshang.platform;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The workbook of an export that can grow (the export kit): POI's streaming workbook, which keeps {@value #ROW_WINDOW}
 * rows per sheet in memory and writes the others to a temporary file, so that memory does not grow with the list.
 * Write its cells through {@link SheetRow}. Close it (try-with-resources) and {@link #dispose()} it in a finally
 * block, which makes sure the temporary files are removed.
 * <p>
 * Speed (issue 15, docs/benchmarks.md "Export"): the temporary file is not gzipped (the sheet's XML was deflated
 * twice: into the temporary file and again into the .xlsx), and the .xlsx is deflated at the fastest level: 20 % to
 * 35 % less time for a 22,000-row ledger, the file about 1.5 times as large (still a fifth of the XML). The sheet's
 * XML goes to the temporary file through {@link Utf8FileWriter}, a writer without POI's per-character lock and
 * charset encoder (docs/benchmarks.md "Fifth round").
 */
public class StreamingWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet. */
	public static final int ROW_WINDOW = 200;

	public StreamingWorkbook() {
		super(ROW_WINDOW);
		setCompressTempFiles(false);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		if (isCompressTempFiles()) {
			return super.createSheetDataWriter();
		}
		return new SheetDataWriter(getSharedStringSource()) {
			@Override
			public Writer createWriter(File file) throws IOException {
				return new Utf8FileWriter(new FileOutputStream(file));
			}
		};
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
		zip.setLevel(Deflater.BEST_SPEED);
		return zip;
	}
}
