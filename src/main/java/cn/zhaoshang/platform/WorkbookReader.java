package cn.zhaoshang.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import cn.zhaoshang.platform.ImportRejected.CellError;

import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The one reader of uploaded workbooks for every import: the first sheet of an .xlsx file as rows of typed cells,
 * matched by the imports by their header text. The file is recognised by its content; its size, rows and cells are
 * bounded before and while it is read ({@link WorkbookLimits}); its XML is streamed, never loaded as POI's object
 * model; texts come back exactly as this platform's writers wrote them ({@link XlsxText}); a text holding a control
 * character (other than tab and line breaks) is refused with its row and column. At most
 * {@link WorkbookLimits#maxConcurrent()} imports hold a sheet at once; a further one waits
 * {@link WorkbookLimits#queueWait()} for its turn, then is refused with 503.
 */
@Component
public class WorkbookReader {

	private final WorkbookLimits limits;
	private final Semaphore turns;

	public WorkbookReader(WorkbookLimits limits) {
		this.limits = limits;
		this.turns = new Semaphore(Math.max(1, limits.maxConcurrent()), true);
	}

	/**
	 * The first sheet; close it when the import is done. Refused: no .xlsx workbook (notXlsxKey), too large (413),
	 * too many rows or cells, control characters ({@link ImportRejected} with rejectedKey), no turn free (503).
	 */
	public ImportSheet firstSheet(byte[] bytes, String notXlsxKey, String rejectedKey) {
		if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new BusinessException(notXlsxKey);
		}
		enter();
		try {
			List<ImportSheet.Row> rows = read(bytes, notXlsxKey);
			refuseControlCharacters(rows, rejectedKey);
			return new ImportSheet(rows, turns::release);
		}
		catch (RuntimeException e) {
			turns.release();
			throw e;
		}
	}

	private void enter() {
		try {
			if (turns.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		throw new BusinessException(503, "import.workbook.busy", limits.maxConcurrent());
	}

	private List<ImportSheet.Row> read(byte[] bytes, String notXlsxKey) {
		long maxBytes = limits.maxUncompressedSize().toBytes();
		try (var pkg = new XlsxPackage(bytes, maxBytes, limits.maxCells())) {
			var parts = pkg.parts();
			var handler = new XlsxSheetHandler(pkg.sharedStrings(parts.sharedStrings()),
					pkg.dateStyles(parts.styles()), parts.date1904(), limits.maxRows(), limits.maxCells());
			pkg.parse(parts.sheet(), handler);
			return handler.rows;
		}
		catch (XlsxPackage.TooLarge e) {
			throw new BusinessException(413, "import.workbook.tooLarge", limits.maxUncompressedSize().toMegabytes());
		}
		catch (XlsxSheetHandler.TooManyRows e) {
			throw new BusinessException("import.workbook.tooManyRows", limits.maxRows());
		}
		catch (XlsxPackage.TooManyCells e) {
			throw new BusinessException("import.workbook.tooManyCells", limits.maxCells());
		}
		catch (XlsxPackage.CellTooLong e) {
			throw new BusinessException("import.workbook.cellTooLong", XlsxPackage.MAX_TEXT);
		}
		catch (IOException | SAXException | RuntimeException e) {
			throw new BusinessException(notXlsxKey);
		}
	}

	/** Every text cell with a control character, as (row, column header or letter, reason). */
	private static void refuseControlCharacters(List<ImportSheet.Row> rows, String rejectedKey) {
		Map<Integer, String> headers = !rows.isEmpty() && rows.get(0).number() == 1 ? rows.get(0).texts() : Map.of();
		List<CellError> errors = new ArrayList<>();
		for (var row : rows) {
			row.cells().forEach((column, cell) -> {
				int at = InputText.firstInvalid(cell.text());
				if (at >= 0) {
					String header = row.number() == 1 ? null : headers.get(column);
					errors.add(new CellError(row.number(),
							header != null ? header : CellReference.convertNumToColString(column),
							"import.error.controlCharacter", at + 1,
							String.format("U+%04X", (int) cell.text().charAt(at))));
				}
			});
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(rejectedKey, errors);
		}
	}
}
