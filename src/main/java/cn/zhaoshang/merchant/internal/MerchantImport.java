package cn.zhaoshang.merchant.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.merchant.internal.MerchantSheet.Column;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.Uscc;
import cn.zhaoshang.platform.WorkbookReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports enterprises from a workbook in the {@link MerchantSheet} format: row 1 holds the headers (matched by text,
 * in any order; unknown ones ignored; 企业名称 required), every following non-blank row is an enterprise.
 * <p>
 * <b>All or nothing.</b> Every row is checked first and every broken rule collected as (row, column header,
 * reason); if there is any, nothing is saved and {@link ImportRejected} lists them all.
 * <p>
 * <b>No duplicates (ADR 0004).</b> A row whose USCC, or else exact name, is an existing enterprise's updates that
 * enterprise (counted as unchanged when nothing differs, so importing an export creates and changes nothing); a row
 * that matches an existing enterprise only by normalised name is a possible duplicate and refused, as is a row
 * repeating another row of the file. A column missing from the sheet leaves that field of existing enterprises as
 * it is. An update needs the right to edit the enterprise (its registering unit in the user's scope).
 */
@Service
public class MerchantImport {

	private static final String REJECTED = "import.rejected";

	private final MerchantRegistry registry;
	private final MerchantSheet sheet;
	private final Chains chains;
	private final UnitDirectory units;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final WorkbookReader reader;

	MerchantImport(MerchantRegistry registry, MerchantSheet sheet, Chains chains, UnitDirectory units,
			JdbcClient jdbc, Auditor auditor, WorkbookReader reader) {
		this.reader = reader;
		this.registry = registry;
		this.sheet = sheet;
		this.chains = chains;
		this.units = units;
		this.jdbc = jdbc;
		this.auditor = auditor;
	}

	/** What an import did: enterprises created, existing ones changed, rows equal to their enterprise. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "MerchantImportResult") // one name per type in the OpenAPI document
	public record Result(int created, int updated, int unchanged) implements Serializable {
	}

	/** A checked row, ready to write. */
	private record Line(int row, Long existingId, Integer version, MerchantRegistry.Checked checked) {
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		if (!MerchantRegistry.canCreate(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		try (var workbook = reader.firstSheet(bytes, "import.notXlsx", REJECTED)) {
			return execute(workbook, user);
		}
	}

	private ImportResult execute(ImportSheet workbook, CurrentUser user) {
		List<Map<Column, String>> rows = new ArrayList<>();
		List<Integer> rowNumbers = new ArrayList<>();
		List<CellError> errors = new ArrayList<>();
		read(workbook, rows, rowNumbers, errors);
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		if (rows.isEmpty()) {
			throw new BusinessException("import.noRows");
		}
		var words = new Words();
		List<Line> lines = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Line line = check(rowNumbers.get(i), rows.get(i), words, user, errors);
			if (line == null) {
				continue;
			}
			int row = line.row();
			String nameKey = "n:" + EnterpriseNames.normalize(line.checked().name());
			List<String> keys = new ArrayList<>(List.of(nameKey));
			if (line.checked().uscc() != null) {
				keys.add("u:" + line.checked().uscc());
			}
			if (line.existingId() != null) {
				keys.add("id:" + line.existingId());
			}
			Integer first = keys.stream().map(seen::get).filter(Objects::nonNull).findFirst().orElse(null);
			if (first != null) {
				errors.add(new CellError(row, sheet.header(Column.NAME), "merchant.import.repeatedRow", first));
				continue;
			}
			keys.forEach(k -> seen.put(k, row));
			lines.add(line);
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<Auditor.Change> audit = new ArrayList<>();
		for (Line line : lines) {
			if (line.existingId() == null) {
				long id = registry.insert(line.checked(), user);
				audit.add(new Auditor.Change("merchant", id, "IMPORT", line.checked().name(), Map.of(),
						registry.auditView(id)));
				created++;
				continue;
			}
			if (registry.checkedOf(registry.get(line.existingId())).equals(line.checked())) {
				unchanged++;
				continue;
			}
			var before = registry.auditView(line.existingId());
			registry.write(line.existingId(), line.checked(), line.version());
			audit.add(new Auditor.Change("merchant", line.existingId(), "IMPORT", line.checked().name(), before,
					registry.auditView(line.existingId())));
			updated++;
		}
		auditor.recordAll(audit);
		return ImportResult.of(created, updated, unchanged);
	}

	/** Row 1's headers by text; each following row's cells of those columns, stripped ("" when blank). */
	private void read(ImportSheet workbook, List<Map<Column, String>> rows, List<Integer> numbers,
			List<CellError> errors) {
		Map<String, Column> byHeader = new HashMap<>();
		for (Column c : Column.values()) {
			byHeader.put(sheet.header(c), c);
		}
		Map<Integer, Column> columns = new HashMap<>();
		List<ImportSheet.Row> all = workbook.rows();
		if (!all.isEmpty()) {
			all.get(0).texts().forEach((index, text) -> {
				Column c = byHeader.get(text);
				if (c != null) {
					columns.put(index, c);
				}
			});
		}
		if (!columns.containsValue(Column.NAME)) {
			errors.add(new CellError(1, sheet.header(Column.NAME), "import.error.missingHeader"));
			return;
		}
		for (ImportSheet.Row row : all.subList(1, all.size())) {
			Map<Column, String> values = new EnumMap<>(Column.class);
			boolean any = false;
			for (var e : columns.entrySet()) {
				ImportSheet.Cell cell = row.cells().get(e.getKey());
				String text = cell == null ? "" : cell.text().strip();
				values.put(e.getValue(), text);
				any |= !text.isEmpty();
			}
			if (any) {
				rows.add(values);
				numbers.add(row.number());
			}
		}
	}

	/** The row parsed and checked against the rules and the database; null when it broke a rule (in errors). */
	private Line check(int row, Map<Column, String> cells, Words words, CurrentUser user, List<CellError> errors) {
		int before = errors.size();
		String name = cells.get(Column.NAME);
		String usccText = cells.getOrDefault(Column.USCC, "");
		String uscc = usccText.isEmpty() ? null : Uscc.normalize(usccText);
		if (uscc != null && !Uscc.isValid(uscc)) {
			errors.add(new CellError(row, sheet.header(Column.USCC), "validation.uscc"));
			uscc = null;
		}
		// the enterprise this row updates: same USCC, else same name (with no other USCC)
		MerchantRecord existing = null;
		if (uscc != null) {
			existing = idBy("uscc", uscc).map(registry::get).orElse(null);
		}
		if (existing == null && !name.isEmpty()) {
			String code = uscc;
			existing = idBy("name", name)
				.map(registry::get)
				.filter(m -> code == null || m.uscc() == null || m.uscc().equals(code))
				.orElse(null);
		}
		if (existing != null && existing.merged()) {
			existing = registry.get(existing.mergedIntoId());
		}
		MerchantInput base = existing == null ? empty() : input(existing, existing.version());
		MerchantInput in = parse(row, cells, base, words, errors);
		if (existing == null && !name.isEmpty()) {
			var candidates = registry.duplicates(name, uscc, null);
			if (!candidates.isEmpty()) {
				var c = candidates.get(0);
				errors.add(new CellError(row, sheet.header(Column.NAME), "merchant.import.possibleDuplicate", c.name(),
						c.id()));
			}
		}
		if (existing != null && !registry.canEdit(existing, user)) {
			errors.add(new CellError(row, sheet.header(Column.NAME), "merchant.import.notEditable", existing.name(),
					existing.unitName() == null ? "" : existing.unitName()));
			return null;
		}
		Long unit = in.registeringUnitId() != null ? in.registeringUnitId()
				: user.unitId() == null ? null : user.unitId().value();
		MerchantRegistry.Checked checked = null;
		try {
			checked = registry.check(in, unit, user);
		}
		catch (InvalidInputException e) {
			for (var v : e.violations()) {
				String header = sheet.header(column(v.field()));
				// a cell already refused while parsing (a word that means nothing) is not refused twice
				boolean reported = errors.subList(before, errors.size())
					.stream()
					.anyMatch(x -> x.column().equals(header));
				if (!reported) {
					errors.add(new CellError(row, header, v.messageKey(), v.args()));
				}
			}
		}
		catch (BusinessException e) {
			errors.add(new CellError(row, sheet.header(Column.UNIT), "merchant.import.unitOutOfScope"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new Line(row, existing == null ? null : existing.id(), existing == null ? null : existing.version(),
				checked);
	}

	private java.util.Optional<Long> idBy(String column, String value) {
		return jdbc.sql("SELECT id FROM merchant WHERE " + column + " = :v ORDER BY merged_into_id NULLS FIRST, id")
			.param("v", value)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	private static Column column(String field) {
		return Arrays.stream(Column.values()).filter(c -> c.field.equals(field)).findFirst().orElse(Column.NAME);
	}

	private static MerchantInput empty() {
		return new MerchantInput(null, null, null, null, List.of(), null, null, false, false, false, Set.of(),
				List.of(), null, null, List.of(), null);
	}

	/** The stored record as input, so that columns missing from the sheet keep their values. */
	static MerchantInput input(MerchantRecord m, Integer version) {
		return new MerchantInput(m.name(), m.uscc(), m.enterpriseType(), m.headquarters(), m.chainIds(),
				m.chainLinks(), m.enterpriseSize(), m.listed(), m.global500(), m.china500(), m.tags(), m.ownAliases(),
				m.unitId() == null ? null : m.unitId().value(), m.remarks(),
				m.contacts()
					.stream()
					.map(c -> new ContactInput(c.name(), c.title(), c.phone(), c.email(), c.wechat()))
					.toList(),
				version);
	}

	/** The row's cells over the base values; words that mean nothing are errors of their cell. */
	private MerchantInput parse(int row, Map<Column, String> cells, MerchantInput base, Words words,
			List<CellError> errors) {
		var p = new Object() {
			String cell(Column c, String fallback) {
				return cells.containsKey(c) ? cells.get(c) : fallback;
			}

			<T> T word(Column c, Map<String, T> known, T fallback) {
				if (!cells.containsKey(c) || cells.get(c).isEmpty()) {
					return cells.containsKey(c) ? null : fallback;
				}
				T v = known.get(cells.get(c));
				if (v == null) {
					errors.add(new CellError(row, sheet.header(c), "merchant.import.unknownWord", cells.get(c),
							String.join(" / ", known.keySet())));
				}
				return v;
			}

			boolean flag(Column c, boolean fallback) {
				Boolean v = word(c, words.yesNo, fallback);
				return v != null && v;
			}
		};
		List<Long> chainIds = base.chainIds();
		if (cells.containsKey(Column.CHAINS)) {
			chainIds = new ArrayList<>();
			for (String part : split(cells.get(Column.CHAINS))) {
				Long id = words.chains.get(part);
				if (id == null) {
					errors.add(new CellError(row, sheet.header(Column.CHAINS), "merchant.import.unknownWord", part,
							String.join(" / ", words.chains.keySet())));
				}
				else {
					chainIds.add(id);
				}
			}
		}
		Set<SourceTag> tags = base.tags();
		if (cells.containsKey(Column.TAGS)) {
			tags = EnumSet.noneOf(SourceTag.class);
			for (String part : split(cells.get(Column.TAGS))) {
				SourceTag t = words.tags.get(part);
				if (t == null) {
					errors.add(new CellError(row, sheet.header(Column.TAGS), "merchant.import.unknownWord", part,
							String.join(" / ", words.tags.keySet())));
				}
				else {
					tags.add(t);
				}
			}
		}
		List<String> aliases = cells.containsKey(Column.ALIASES)
				? Arrays.stream(cells.get(Column.ALIASES).split("[\\r\\n\\uFF1B;]+"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.toList()
				: base.aliases();
		Long unit = base.registeringUnitId();
		if (cells.containsKey(Column.UNIT) && !cells.get(Column.UNIT).isEmpty()) {
			unit = words.units.get(cells.get(Column.UNIT));
			if (unit == null) {
				errors.add(new CellError(row, sheet.header(Column.UNIT), "merchant.import.unknownUnit",
						cells.get(Column.UNIT)));
			}
		}
		List<ContactInput> contacts = base.contacts();
		if (cells.containsKey(Column.CONTACTS)) {
			contacts = new ArrayList<>();
			for (String line : cells.get(Column.CONTACTS).split("\\R")) {
				if (line.isBlank()) {
					continue;
				}
				String[] parts = Arrays.copyOf(line.replace('\uFF5C', '|').split("\\|", -1), 5);
				contacts.add(new ContactInput(parts[0], parts[1], parts[2], parts[3], parts[4]));
			}
		}
		return new MerchantInput(p.cell(Column.NAME, base.name()), p.cell(Column.USCC, base.uscc()),
				p.word(Column.TYPE, words.types, base.enterpriseType()),
				p.cell(Column.HEADQUARTERS, base.headquarters()), chainIds,
				p.cell(Column.CHAIN_LINKS, base.chainLinks()), p.word(Column.SIZE, words.sizes, base.enterpriseSize()),
				p.flag(Column.LISTED, base.listed()), p.flag(Column.GLOBAL500, base.global500()),
				p.flag(Column.CHINA500, base.china500()), tags, aliases, unit,
				p.cell(Column.REMARKS, base.remarks()), contacts, base.version());
	}

	private static List<String> split(String cell) {
		return Arrays.stream(cell.split("[,;\\s\\u3001\\uFF0C\\uFF1B]+")).filter(s -> !s.isBlank()).toList();
	}

	/** The words the sheet may use, in Chinese (as the export writes them) and, for codes, as stored. */
	private final class Words {

		final Map<String, EnterpriseType> types = new java.util.LinkedHashMap<>();
		final Map<String, EnterpriseSize> sizes = new java.util.LinkedHashMap<>();
		final Map<String, SourceTag> tags = new java.util.LinkedHashMap<>();
		final Map<String, Boolean> yesNo = new java.util.LinkedHashMap<>();
		final Map<String, Long> chains = new java.util.LinkedHashMap<>();
		final Map<String, Long> units = new java.util.LinkedHashMap<>();

		Words() {
			for (EnterpriseType t : EnterpriseType.values()) {
				types.put(sheet.label(t), t);
			}
			for (EnterpriseSize s : EnterpriseSize.values()) {
				sizes.put(sheet.label(s), s);
			}
			for (SourceTag t : SourceTag.values()) {
				tags.put(sheet.label(t), t);
			}
			yesNo.put(sheet.yesNo(true), true);
			yesNo.put(sheet.yesNo(false), false);
			for (Chain c : MerchantImport.this.chains.all()) {
				chains.put(c.name(), c.id().value());
			}
			for (UnitSummary u : MerchantImport.this.units.all()) {
				units.putIfAbsent(u.name(), u.id().value());
				if (u.shortName() != null) {
					units.putIfAbsent(u.shortName(), u.id().value());
				}
			}
		}
	}
}
