package cn.zhaoshang.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Object mother for ledger workbooks: rows as header → value maps (text, numbers, dates as real date cells,
 * booleans), written with POI as an office would write them.
 */
public final class LedgerSheets {

	/** The sixteen columns of the import format, in the template's order. */
	public static final List<String> HEADERS = List.of("项目名称", "投资方", "统一社会信用代码", "落地单位", "所属产业链",
			"项目类型", "计划总投资（万元）", "外资（万美元）", "项目阶段", "签约日期", "开工日期", "投产日期", "责任领导", "首席服务员",
			"是否重点项目", "最新进展");

	/** The template's headers: the sixteen, then the two optional columns of issue 10 (洽谈日期, 注册日期). */
	public static final List<String> TEMPLATE_HEADERS = java.util.stream.Stream
		.concat(HEADERS.stream(), java.util.stream.Stream.of("洽谈日期", "注册日期"))
		.toList();

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private LedgerSheets() {
	}

	/** A name no other test uses. */
	public static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	/** A valid unified social credit code (GB 32100-2015 check character), different each time. */
	public static String uscc() {
		return uscc(SEQUENCE.incrementAndGet());
	}

	/** The valid unified social credit code numbered so (the same number, the same code). */
	public static String uscc(long number) {
		String body = "9141090" + String.format("%010d", number % 10_000_000_000L);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
		}
		return body + ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** A valid 在谈 project of 华龙区 in the 化工 chain; change what a test is about. */
	public static Map<String, Object> project(String name) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("项目名称", name);
		row.put("投资方", name + "投资有限公司");
		row.put("落地单位", "华龙区");
		row.put("所属产业链", "化工");
		row.put("项目类型", "新建");
		row.put("计划总投资（万元）", 1000.5);
		row.put("项目阶段", "在谈");
		row.put("是否重点项目", "否");
		return row;
	}

	public static byte[] xlsx(List<Map<String, Object>> rows) {
		return xlsx(HEADERS, rows);
	}

	/** A workbook with these headers in row 1 and one row per map (values under their header; null = no cell). */
	public static byte[] xlsx(List<String> headers, List<Map<String, Object>> rows) {
		try (Workbook wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = wb.createSheet("台账");
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
			}
			int r = 1;
			for (Map<String, Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < headers.size(); i++) {
					Object v = values.get(normalize(headers.get(i)));
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else if (v instanceof BigDecimal b) {
						cell.setCellValue(b.doubleValue());
					}
					else if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v instanceof Boolean b) {
						cell.setCellValue(b);
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Headers may be written with half-width brackets or spaces in a test; rows use the standard ones. */
	private static String normalize(String header) {
		String h = header.replace('(', '（').replace(')', '）').replace(" ", "");
		return HEADERS.contains(h) ? h : header;
	}

	/** The cells of a sheet as typed values (text, numbers as BigDecimal, dates as LocalDate), row by row. */
	public static List<List<Object>> read(byte[] xlsx, int sheetIndex) {
		try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(sheetIndex);
			List<List<Object>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<Object> values = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					Cell c = row.getCell(i);
					values.add(c == null ? null : switch (c.getCellType()) {
						case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)
								? c.getLocalDateTimeCellValue().toLocalDate()
								: BigDecimal.valueOf(c.getNumericCellValue());
						case BOOLEAN -> c.getBooleanCellValue();
						case BLANK -> null;
						default -> c.getStringCellValue();
					});
				}
				rows.add(values);
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A workbook of many generated rows (for the benchmark), written with SXSSF: a quarter per stage with their
	 * dates, half with a USCC, leaders partly known, amounts shifted by {@code variant} (another variant updates).
	 */
	public static byte[] generated(int count, String prefix, List<String> units, List<String> chains, int variant) {
		String[] stages = { "在谈", "签约", "开工", "投产" };
		String[] types = { "新建", "增资扩产", "返乡创业", "外资" };
		LocalDate base = LocalDate.now().minusYears(3);
		try (var wb = new SXSSFWorkbook(500); var out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			Sheet sheet = wb.createSheet("台账");
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				head.createCell(i).setCellValue(HEADERS.get(i));
			}
			for (int n = 0; n < count; n++) {
				Row row = sheet.createRow(n + 1);
				int stage = n % 4;
				row.createCell(0).setCellValue(prefix + "项目" + n);
				row.createCell(1).setCellValue(prefix + "投资方" + n);
				if (n % 2 == 0) {
					// the same row of the same prefix gets the same code: a regenerated file names the same investors
					long number = 9_000_000_000L + Math.floorMod(prefix.hashCode(), 90_000) * 10_000L + n;
					row.createCell(2).setCellValue(uscc(number));
				}
				row.createCell(3).setCellValue(units.get(n % units.size()));
				row.createCell(4).setCellValue(chains.get(n % chains.size()));
				row.createCell(5).setCellValue(types[n % types.length]);
				row.createCell(6).setCellValue(100 + (n % 9_000) + 0.25 + variant);
				if (n % 4 == 3) {
					row.createCell(7).setCellValue(50.5);
				}
				row.createCell(8).setCellValue(stages[stage]);
				for (int s = 1; s <= stage; s++) {
					Cell c = row.createCell(8 + s);
					c.setCellValue(base.plusDays(n % 300 + s * 100L));
					c.setCellStyle(date);
				}
				row.createCell(12).setCellValue(n % 3 == 0 ? "王强" : "未登记领导" + (n % 50));
				row.createCell(13).setCellValue("张伟");
				row.createCell(14).setCellValue(n % 5 == 0 ? "是" : "否");
				row.createCell(15).setCellValue("已完成第 " + n + " 轮洽谈，正在推进选址");
			}
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
