package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The ledger's empty import workbook, written by the platform's {@link ImportTemplates}: the sixteen import headers
 * of {@link LedgerColumn#IMPORTED} in their order (required ones in red, each with its rule as a comment), drop-downs
 * for stage, type, chain and 是否重点项目, amount and date formats ready in their columns, and the sheet 填写说明 with
 * the general notes and every column's rule. The units named are those the user may import for.
 */
@Service
public class LedgerTemplate {

	private final ImportTemplates templates;
	private final LedgerFormat format;
	private final DataScopes scopes;
	private final Units units;
	private final Chains chains;
	private final MessageSource messages;

	LedgerTemplate(ImportTemplates templates, LedgerFormat format, DataScopes scopes, Units units, Chains chains,
			MessageSource messages) {
		this.templates = templates;
		this.format = format;
		this.scopes = scopes;
		this.units = units;
		this.chains = chains;
		this.messages = messages;
	}

	public String fileName(Locale locale) {
		return messages.getMessage("ledger.template.fileName", null, locale);
	}

	public void write(CurrentUser user, OutputStream out) throws IOException {
		templates.write(format.chinese("ledger.sheet.ledger"), columns(user),
				ImportTemplates.Help.lines(format.chinese("ledger.help.intro")), out);
	}

	private ImportColumns columns(CurrentUser user) {
		DataScope scope = scopes.of(user);
		List<String> unitNames = units.all()
			.stream()
			.filter(UnitSummary::active)
			.filter(u -> scope.canEdit(u.id()))
			.map(UnitSummary::name)
			.toList();
		List<String> chainNames = chains.all().stream().filter(ch -> ch.active()).map(ch -> ch.name()).toList();
		List<String> stages = List.of(Stage.values()).stream().map(format::word).toList();
		List<String> types = List.of(ProjectType.values()).stream().map(format::word).toList();
		return new ImportColumns(LedgerColumn.IMPORTED.stream().map(c -> {
			List<String> words = switch (c) {
				case CHAIN -> chainNames;
				case STAGE -> stages;
				case TYPE -> types;
				case KEY -> List.of(format.word(true), format.word(false));
				default -> List.of();
			};
			// the rules that name the words list them all (a list longer than a drop-down holds included)
			List<String> named = c == LedgerColumn.UNIT ? unitNames : words;
			var column = ImportColumn.of(c.key, format.header(c))
				.note(format.chinese("ledger.help." + c.key, String.join(format.chinese("ledger.help.separator"), named)))
				// types combine (several flags in one cell): no drop-down, which would refuse a combination; the note lists them
				.choices(c == LedgerColumn.TYPE ? List.of() : words)
				.format(switch (c.kind) {
					case AMOUNT -> ImportColumn.Format.AMOUNT;
					case DATE -> ImportColumn.Format.DATE;
					case TEXT -> ImportColumn.Format.GENERAL;
				})
				.width(c.width);
			return c.required ? column.required() : column;
		}).toList());
	}
}
