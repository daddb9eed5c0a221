package cn.zhaoshang.project.web;

/**
 * One error of a rejected ledger import, resolved for the reader: the page's error table and the API's
 * {@code errors[]} alike.
 *
 * @param row the row number as Excel shows it
 * @param column the column header as in the workbook
 * @param message the reason in the reader's language
 */
public record ImportErrorRow(int row, String column, String message) {
}
