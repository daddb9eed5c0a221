package cn.zhaoshang.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading the .xlsx files the exports answer with. */
public final class Sheets {

	private Sheets() {
	}

	/** The texts of the first sheet's first column, below the header row. */
	public static List<String> firstColumn(byte[] xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				texts.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
		}
		return texts;
	}
}
