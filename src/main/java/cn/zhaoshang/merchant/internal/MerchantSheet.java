package cn.zhaoshang.merchant.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.XlsxText;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The enterprise workbook (xlsx): the export of a filtered list and the empty import template share one column set,
 * so an exported file imports again unchanged. Headers and words (企业类型, 是/否, tags) are Chinese in every
 * language, as in the users' own sheets; they come from the Chinese bundle. Columns, in order (docs/user-guide.md):
 * 企业名称, 统一社会信用代码, 企业类型, 总部所在地, 产业链, 产业链环节, 企业规模, 上市企业, 世界500强, 中国500强, 来源标签,
 * 曾用名及别名, 登记单位, 备注, 联系人 — the last one person per line, as 姓名|职务|电话|邮箱|微信.
 */
@Service
public class MerchantSheet {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Separator of a contact's parts inside the 联系人 cell. */
	static final String PART = "|";

	/** The columns of the import format, in order; the header text is {@code merchant.sheet.<key>} in Chinese. */
	enum Column {
		NAME("name", 36), USCC("uscc", 22), TYPE("enterpriseType", 10), HEADQUARTERS("headquarters", 16),
		CHAINS("chainIds", 16), CHAIN_LINKS("chainLinks", 20), SIZE("enterpriseSize", 10), LISTED("listed", 8),
		GLOBAL500("global500", 10), CHINA500("china500", 10), TAGS("tags", 20), ALIASES("aliases", 30),
		UNIT("registeringUnitId", 18), REMARKS("remarks", 30), CONTACTS("contacts", 48);

		/** The field of {@link MerchantInput} (and of the rules' messages) that the column fills. */
		final String field;
		final int width;

		Column(String field, int width) {
			this.field = field;
			this.width = width;
		}
	}

	private final MerchantQueries queries;
	private final MerchantRegistry registry;
	private final MessageSource messages;

	MerchantSheet(MerchantQueries queries, MerchantRegistry registry, MessageSource messages) {
		this.queries = queries;
		this.registry = registry;
		this.messages = messages;
	}

	String header(Column c) {
		return zh("merchant.sheet." + c.field);
	}

	String zh(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	String label(EnterpriseType t) {
		return t == null ? "" : zh(t.messageKey());
	}

	String label(EnterpriseSize s) {
		return s == null ? "" : zh(s.messageKey());
	}

	String label(SourceTag t) {
		return zh(t.messageKey());
	}

	/** The separator of a list in one cell (产业链, 来源标签): the Chinese enumeration comma. */
	String list() {
		return zh("merchant.listSeparator");
	}

	String yesNo(boolean b) {
		return zh(b ? "common.yes" : "common.no");
	}

	public String exportFileName(Locale locale) {
		return messages.getMessage("merchant.sheet.exportFile", new Object[] { LocalDate.now().toString() }, locale);
	}

	/** The filtered list with every column; contacts masked unless the user's role sees them in full. */
	public void export(MerchantFilter filter, CurrentUser user, OutputStream out) throws IOException {
		try (var wb = new XSSFWorkbook()) {
			Sheet sheet = start(wb);
			CellStyle wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			int r = 1;
			for (long id : queries.ids(filter)) {
				MerchantRecord m = registry.get(id).forReader(user.role());
				Row row = sheet.createRow(r++);
				List<String> values = values(m);
				for (int i = 0; i < values.size(); i++) {
					var cell = row.createCell(i);
					XlsxText.set(cell, values.get(i));
					if (values.get(i).contains("\n")) {
						cell.setCellStyle(wrap);
					}
				}
			}
			wb.write(out);
		}
	}

	private Sheet start(XSSFWorkbook wb) {
		Sheet sheet = wb.createSheet(zh("merchant.sheet.title"));
		CellStyle bold = wb.createCellStyle();
		Font font = wb.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(0);
		for (Column c : Column.values()) {
			var cell = header.createCell(c.ordinal());
			cell.setCellValue(header(c));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(c.ordinal(), c.width * 256);
		}
		sheet.createFreezePane(1, 1);
		return sheet;
	}

	/** A record's cells in column order. */
	List<String> values(MerchantRecord m) {
		List<String> v = new ArrayList<>();
		v.add(m.name());
		v.add(nz(m.uscc()));
		v.add(label(m.enterpriseType()));
		v.add(nz(m.headquarters()));
		v.add(String.join(list(), registry.chainNamesZh(m.chainIds())));
		v.add(nz(m.chainLinks()));
		v.add(label(m.enterpriseSize()));
		v.add(yesNo(m.listed()));
		v.add(yesNo(m.global500()));
		v.add(yesNo(m.china500()));
		v.add(String.join(list(), m.tags().stream().sorted().map(this::label).toList()));
		v.add(String.join("\n", m.ownAliases()));
		v.add(nz(m.unitName()));
		v.add(nz(m.remarks()));
		v.add(String.join("\n", m.contacts()
			.stream()
			.map(c -> String.join(PART, nz(c.name()), nz(c.title()), nz(c.phone()), nz(c.email()), nz(c.wechat())))
			.toList()));
		return v;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
