package cn.zhaoshang.merchant.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.Uscc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enterprise import's rules for one import (ADR 0004, no duplicates). A row whose USCC, or else exact name, is
 * an existing enterprise's updates that enterprise (counted as unchanged when nothing differs, so importing an export
 * creates and changes nothing); a row that matches an existing enterprise only by normalised name is a possible
 * duplicate and refused, as is a row repeating another row of the file. A column missing from the sheet leaves that
 * field of existing enterprises as it is. An update needs the right to edit the enterprise. The audit entries are
 * written as one batch at the end.
 */
final class MerchantRows implements ImportRules<MerchantRows.Line> {

	/** A checked row, ready to write. */
	record Line(Long existingId, Integer version, MerchantRegistry.Checked checked) {
	}

	private final ImportColumns columns;
	private final MerchantRegistry registry;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final CurrentUser user;
	private final List<Auditor.Change> audit = new ArrayList<>();

	// the words the sheet may use, in Chinese (as the export writes them) and, for codes, as stored
	private final Map<String, EnterpriseType> types = new LinkedHashMap<>();
	private final Map<String, EnterpriseSize> sizes = new LinkedHashMap<>();
	private final Map<String, SourceTag> tags = new LinkedHashMap<>();
	private final Map<String, Boolean> yesNo = new LinkedHashMap<>();
	private final Map<String, Long> chains = new LinkedHashMap<>();
	private final Map<String, Long> units = new LinkedHashMap<>();

	MerchantRows(ImportColumns columns, MerchantRegistry registry, MerchantSheet sheet, List<Chain> chains,
			List<UnitSummary> units, JdbcClient jdbc, Auditor auditor, CurrentUser user) {
		this.columns = columns;
		this.registry = registry;
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.user = user;
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
		for (Chain c : chains) {
			this.chains.put(c.name(), c.id().value());
		}
		UnitSummary.byName(units).forEach((name, id) -> this.units.put(name, id.value()));
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	/** The row parsed and checked against the rules and the database; null when it broke a rule. */
	@Override
	public Line check(ImportRow row) {
		int before = row.errorCount();
		String name = row.text("name", "");
		String usccText = row.text("uscc", "");
		String uscc = usccText.isEmpty() ? null : Uscc.normalize(usccText);
		if (uscc != null && !Uscc.isValid(uscc)) {
			row.refuse("uscc", "validation.uscc");
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
		MerchantInput in = parse(row, base);
		if (existing == null && !name.isEmpty()) {
			var candidates = registry.duplicates(name, uscc, null);
			if (!candidates.isEmpty()) {
				var c = candidates.get(0);
				row.refuse("name", "merchant.import.possibleDuplicate", c.name(), c.id());
			}
		}
		if (existing != null && !registry.canEdit(existing, user)) {
			row.refuse("name", "merchant.import.notEditable", existing.name(),
					existing.unitName() == null ? "" : existing.unitName());
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
				String field = columns.all().stream().anyMatch(c -> c.field().equals(v.field())) ? v.field() : "name";
				// a cell already refused while parsing (a word that means nothing) is not refused twice
				if (!row.refusedSince(before, field)) {
					row.refuse(field, v.messageKey(), v.args());
				}
			}
		}
		catch (BusinessException e) {
			row.refuse("registeringUnitId", "merchant.import.unitOutOfScope");
		}
		if (row.errorCount() > before) {
			return null;
		}
		return new Line(existing == null ? null : existing.id(), existing == null ? null : existing.version(),
				checked);
	}

	@Override
	public List<Object> sameKeys(Line line) {
		List<Object> keys = new ArrayList<>(List.of("n:" + EnterpriseNames.normalize(line.checked().name())));
		if (line.checked().uscc() != null) {
			keys.add("u:" + line.checked().uscc());
		}
		if (line.existingId() != null) {
			keys.add("id:" + line.existingId());
		}
		return keys;
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("name", "merchant.import.repeatedRow", firstRow);
	}

	@Override
	public Outcome write(Line line, ImportRow row) {
		if (line.existingId() == null) {
			long id = registry.insert(line.checked(), user);
			audit.add(new Auditor.Change("merchant", id, "IMPORT", line.checked().name(), Map.of(),
					registry.auditView(id)));
			return Outcome.CREATED;
		}
		if (registry.checkedOf(registry.get(line.existingId())).equals(line.checked())) {
			return Outcome.UNCHANGED;
		}
		var before = registry.auditView(line.existingId());
		registry.write(line.existingId(), line.checked(), line.version());
		audit.add(new Auditor.Change("merchant", line.existingId(), "IMPORT", line.checked().name(), before,
				registry.auditView(line.existingId())));
		return Outcome.UPDATED;
	}

	@Override
	public void finish() {
		auditor.recordAll(audit);
	}

	private java.util.Optional<Long> idBy(String column, String value) {
		return jdbc.sql("SELECT id FROM merchant WHERE " + column + " = :v ORDER BY merged_into_id NULLS FIRST, id")
			.param("v", value)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
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
	private MerchantInput parse(ImportRow row, MerchantInput base) {
		List<Long> chainIds = row.has("chainIds") ? words(row, "chainIds", chains, new ArrayList<>()) : base.chainIds();
		Set<SourceTag> tagSet = row.has("tags") ? words(row, "tags", tags, EnumSet.noneOf(SourceTag.class))
				: base.tags();
		List<String> aliases = row.has("aliases")
				? Arrays.stream(row.text("aliases", "").split("[\\r\\n\\uFF1B;]+"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.toList()
				: base.aliases();
		Long unit = base.registeringUnitId();
		if (row.text("registeringUnitId") != null) {
			unit = units.get(row.text("registeringUnitId"));
			if (unit == null) {
				row.refuse("registeringUnitId", "merchant.import.unknownUnit", row.text("registeringUnitId"));
			}
		}
		List<ContactInput> contacts = base.contacts();
		if (row.has("contacts")) {
			contacts = new ArrayList<>();
			for (String line : row.text("contacts", "").split("\\R")) {
				if (!line.isBlank()) {
					String[] parts = Arrays.copyOf(line.replace('\uFF5C', '|').split("\\|", -1), 5);
					contacts.add(new ContactInput(parts[0], parts[1], parts[2], parts[3], parts[4]));
				}
			}
		}
		return new MerchantInput(cell(row, "name", base.name()), cell(row, "uscc", base.uscc()),
				word(row, "enterpriseType", types, base.enterpriseType()),
				cell(row, "headquarters", base.headquarters()), chainIds,
				cell(row, "chainLinks", base.chainLinks()), word(row, "enterpriseSize", sizes, base.enterpriseSize()),
				flag(row, "listed", base.listed()), flag(row, "global500", base.global500()),
				flag(row, "china500", base.china500()), tagSet, aliases, unit,
				cell(row, "remarks", base.remarks()), contacts, base.version());
	}

	/** The cell's text (empty when blank) when the sheet has the column, else the base value. */
	private static String cell(ImportRow row, String field, String fallback) {
		return row.has(field) ? row.text(field, "") : fallback;
	}

	private static <T> T word(ImportRow row, String field, Map<String, T> known, T fallback) {
		if (!row.has(field) || row.text(field) == null) {
			return row.has(field) ? null : fallback;
		}
		T v = known.get(row.text(field));
		if (v == null) {
			row.refuse(field, "merchant.import.unknownWord", row.text(field), String.join(" / ", known.keySet()));
		}
		return v;
	}

	private boolean flag(ImportRow row, String field, boolean fallback) {
		Boolean v = word(row, field, yesNo, fallback);
		return v != null && v;
	}

	/** The known words of a list cell (separated by commas, 、, ; or blanks) added to into; unknown ones refused. */
	private static <T, C extends java.util.Collection<T>> C words(ImportRow row, String field, Map<String, T> known,
			C into) {
		for (String part : row.text(field, "").split("[,;\\s\\u3001\\uFF0C\\uFF1B]+")) {
			if (part.isBlank()) {
				continue;
			}
			T value = known.get(part);
			if (value == null) {
				row.refuse(field, "merchant.import.unknownWord", part, String.join(" / ", known.keySet()));
			}
			else {
				into.add(value);
			}
		}
		return into;
	}
}
