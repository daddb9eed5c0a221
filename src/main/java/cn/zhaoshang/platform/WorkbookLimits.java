package cn.zhaoshang.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an imported workbook may hold, checked before and while it is read (docs/operations.md, "Workbook limits"),
 * and how many imports run at once, so that hostile or oversized workbooks cannot exhaust the heap.
 *
 * @param maxUncompressedSize the parts of the .xlsx package together, inflated (declared sizes are checked first,
 * then the bytes actually inflated are counted)
 * @param maxRows non-blank rows below the header row of the sheet read
 * @param maxCells cells of the sheet read, blank ones included, and strings in its shared-string table
 * @param maxConcurrent imports reading and checking a workbook at the same time on one node
 * @param queueWait how long a further import waits for its turn before it is answered 503
 */
@ConfigurationProperties("zhaoshang.imports")
public record WorkbookLimits(@DefaultValue("100MB") DataSize maxUncompressedSize, @DefaultValue("100000") int maxRows,
		@DefaultValue("2000000") long maxCells, @DefaultValue("2") int maxConcurrent,
		@DefaultValue("5s") Duration queueWait) {

	/** The defaults, for code that runs without Spring's binding (tests). */
	public static WorkbookLimits defaults() {
		return new WorkbookLimits(DataSize.ofMegabytes(100), 100_000, 2_000_000, 2, Duration.ofSeconds(5));
	}
}
