package cn.zhaoshang.merchant.talent;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.SheetRow;
import cn.zhaoshang.platform.StreamingWorkbook;
import cn.zhaoshang.platform.WorkbookStyles;
import cn.zhaoshang.platform.web.Downloads;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The filtered talent list as an .xlsx workbook: one row per talent, headers in the user's language (Chinese by
 * default), contacts masked for roles that do not need them (they come masked from {@link Talents}), the linked
 * enterprises and projects joined with 、.
 */
@Service
public class TalentWorkbook {

	/**
	 * The .xlsx content type, {@link Downloads#XLSX}; kept only as the alias {@code TalentImport.CONTENT_TYPE} still
	 * reads until the import kit replaces it.
	 */
	public static final String CONTENT_TYPE = Downloads.XLSX;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Talents talents;
	private final MessageSource messages;

	TalentWorkbook(Talents talents, MessageSource messages) {
		this.talents = talents;
		this.messages = messages;
	}

	/** A column: its header key (under {@code field.talentForm.}) and its text for a talent. */
	private record Column(String header, Function<Talent, String> value, int width) {
	}

	public String fileName(Locale locale) {
		return messages.getMessage("talent.export.fileName", null, locale) + ".xlsx";
	}

	public void export(TalentFilter filter, CurrentUser user, Locale locale, OutputStream out) throws IOException {
		List<Talent> rows = talents.all(filter, user);
		Talents.Links links = talents.linksOf(filter);
		List<Column> columns = List.of(new Column("name", Talent::name, 12),
				new Column("expertise", Talent::expertise, 24), new Column("title", Talent::title, 20),
				new Column("institution", Talent::institution, 30), new Column("workCity", Talent::workCity, 10),
				new Column("relation",
						t -> messages.getMessage("talent.relation." + t.relation().name(), null, locale), 16),
				new Column("relationNote", Talent::relationNote, 20), new Column("level", Talent::level, 14),
				new Column("phone", Talent::phone, 16), new Column("email", Talent::email, 24),
				new Column("wechatId", Talent::wechatId, 16),
				new Column("enterpriseIds", t -> String.join(Talents.LIST_SEPARATOR, links.enterprises().getOrDefault(t.id(), List.of())), 30),
				new Column("projectIds", t -> String.join(Talents.LIST_SEPARATOR, links.projects().getOrDefault(t.id(), List.of())), 30),
				new Column("unitId", Talent::unitName, 16),
				new Column("status", t -> messages.getMessage(t.active() ? "status.active" : "status.inactive", null,
						locale), 8),
				new Column("remarks", Talent::remarks, 30),
				new Column("updatedAt", t -> DATE_TIME.format(t.updatedAt().atZone(ZoneId.systemDefault())), 17));
		// streaming: rows beyond a window go to a compressed temporary file, so a large export needs little heap and
		// time (the in-memory workbook took tens of seconds for 20,000 talents)
		var workbook = new StreamingWorkbook();
		try (workbook) {
			Sheet sheet = workbook.createSheet(messages.getMessage("talent.export.sheet", null, locale));
			var styles = WorkbookStyles.of(workbook);
			styles.headerRow(sheet, columns.stream()
				.map(c -> new WorkbookStyles.Column(
						messages.getMessage("field.talentForm." + c.header(), null, locale), c.width() * 2))
				.toList());
			sheet.createFreezePane(1, 1);
			int r = 1;
			for (Talent t : rows) {
				SheetRow row = styles.row(sheet, r++);
				for (Column c : columns) {
					String value = c.value().apply(t);
					if (value != null && !value.isEmpty()) {
						row.text(value);
					}
					else {
						row.skip();
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
		}
	}
}
