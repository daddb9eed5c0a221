package cn.zhaoshang.merchant.talent.web;

/** One refused cell of an imported workbook as the import page lists it: row, column header, reason. */
public record ImportError(int row, String column, String message) {
}
