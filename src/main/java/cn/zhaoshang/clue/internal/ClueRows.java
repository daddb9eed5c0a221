package cn.zhaoshang.clue.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.Uscc;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clue import's rules for one import. A row is the clue of the same title and enterprise: an existing one is
 * updated when one of its facts differs (the user must be allowed to edit it), else counted unchanged; the same clue
 * twice in the file is refused. A column missing from the sheet, or an empty 承办单位/承办人 cell, leaves that part of
 * an existing clue as it is. Owner, assignee and status of an existing clue change only through their actions
 * (assignment, follow-up, confirmation), so a row that changes them is refused; a new clue may start 新线索, 跟进中
 * or 已确认意向. Rows are written through {@link ClueBook} (audited, events published as for the form).
 */
final class ClueRows implements ImportRules<ClueRows.Line> {

	private static final Set<ClueStatus> IMPORTABLE = Set.of(ClueStatus.NEW, ClueStatus.FOLLOWING,
			ClueStatus.CONFIRMED);

	/** The column of each field of {@link ClueDetails}, for the errors of its rules. */
	private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(Map.entry("clueTitle", "title"),
			Map.entry("enterpriseName", "enterprise"), Map.entry("merchantId", "enterprise"),
			Map.entry("chainId", "chain"), Map.entry("chainLink", "chainLink"),
			Map.entry("estimatedInvestment", "investment"), Map.entry("source", "source"),
			Map.entry("sourceCredit", "sourceCredit"), Map.entry("ownerUnitId", "owner"),
			Map.entry("assigneeId", "assignee"), Map.entry("notes", "notes"));

	/** What every clue import reads its rows against and writes through. */
	@Component
	record References(ClueBook book, ClueAccess access, ClueUsers users, Chains chains, Merchants merchants,
			UnitDirectory directory, Units units, DataScopes scopes, JdbcClient jdbc, Validator validator,
			MessageSource messages) {
	}

	/** A row that passed every check: the details to write, the clue it updates (null: a new one), its status. */
	record Line(ClueDetails details, Clue existing, ClueStatus status) {
	}

	private final ImportColumns columns;
	private final References ref;
	private final CurrentUser user;
	private final Map<String, UnitId> unitsByName = new HashMap<>();
	private final Map<String, PromotionMode> modes = new HashMap<>();
	private final Map<String, ClueSource> sources = new HashMap<>();
	private final Map<String, ClueStatus> statuses = new HashMap<>();
	private final String pool;

	ClueRows(ImportColumns columns, References ref, CurrentUser user) {
		this.columns = columns;
		this.ref = ref;
		this.user = user;
		this.pool = t("clue.cityPool");
		unitsByName.putAll(UnitSummary.byName(ref.directory().all()));
		for (PromotionMode m : PromotionMode.values()) {
			modes.put(t(m.messageKey()), m);
		}
		for (ClueSource s : ClueSource.values()) {
			sources.put(t(s.messageKey()), s);
		}
		for (ClueStatus s : ClueStatus.values()) {
			statuses.put(t(s.messageKey()), s);
		}
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return ClueImport.MAX_ROWS;
	}

	/** The row as the form would send it, checked by every rule of the form, the scope and the references. */
	@Override
	public Line check(ImportRow row) {
		int before = row.errorCount();
		Set<String> broken = new HashSet<>();
		Clue existing = existing(row.text("title"), row.text("enterprise"), row.text("uscc"));
		if (existing != null && !ref.access().canEdit(existing, user)) {
			row.refuse("title", "clue.import.error.otherUnit");
			return null;
		}
		Long merchantId = existing == null ? null : existing.merchantId;
		String uscc = row.text("uscc");
		if (uscc != null) {
			if (!Uscc.isValid(uscc)) {
				row.refuse("uscc", "clue.import.error.uscc");
				broken.add("uscc");
			}
			else if (row.text("enterprise") != null) {
				var m = ref.merchants().match(row.text("enterprise"), uscc);
				if (m.isPresent()) {
					merchantId = m.get().id().value();
				}
			}
		}
		Long chainId = existing == null ? null : existing.chainId;
		if (row.text("chain") != null) {
			var chain = ref.chains().findByName(row.text("chain"));
			if (chain.isEmpty()) {
				row.refuse("chain", "clue.import.error.unknownChain", row.text("chain"));
				broken.add("chainId");
			}
			else {
				chainId = chain.get().id().value();
			}
		}
		BigDecimal investment = existing == null ? null : existing.estimatedInvestment;
		if (row.has("investment")) {
			investment = row.decimal("investment");
			if (investment == null && row.cell("investment") != null) {
				row.refuse("investment", "clue.import.error.number");
				broken.add("estimatedInvestment");
			}
		}
		PromotionMode mode = existing == null ? null : existing.promotionMode;
		if (row.has("mode")) {
			mode = pick(row, modes, "mode", "clue.import.error.mode");
		}
		ClueSource source = existing == null ? ClueSource.OTHER : existing.source;
		if (row.text("source") != null) {
			source = pick(row, sources, "source", "clue.import.error.source");
			if (source == null) {
				broken.add("source");
			}
		}
		ClueStatus status = existing == null ? ClueStatus.NEW : existing.status;
		if (row.text("status") != null) {
			status = pick(row, statuses, "status", "clue.import.error.status");
		}
		if (status != null && (existing == null ? !IMPORTABLE.contains(status) : status != existing.status)) {
			row.refuse("status", existing == null || !IMPORTABLE.contains(status) ? "clue.import.error.statusRefused"
					: "clue.import.error.statusChange");
		}
		UnitId owner = owner(row, existing);
		Long assigneeId = assignee(row, owner, existing);
		var details = new ClueDetails(row.text("title", ""), row.text("enterprise", ""), merchantId, chainId,
				keep(row, "chainLink", existing == null ? null : existing.chainLink), investment, mode, source,
				existing == null ? null : existing.sourceUnitId,
				keep(row, "sourceCredit", existing == null ? null : existing.sourceCredit),
				owner == null ? null : owner.value(), assigneeId,
				keep(row, "notes", existing == null ? null : existing.description),
				existing == null ? null : existing.version);
		for (ConstraintViolation<ClueDetails> violation : ref.validator().validate(details)) {
			String field = violation.getPropertyPath().toString();
			if (!broken.contains(field)) {
				row.refuse(FIELD_COLUMNS.getOrDefault(field, "notes"), key(violation));
			}
		}
		if (existing != null && !existing.status.isOpen() && row.errorCount() == before && !same(existing, details)) {
			row.refuse("title", "clue.import.error.closed");
		}
		return row.errorCount() == before ? new Line(details, existing, status) : null;
	}

	@Override
	public List<Object> sameKeys(Line line) {
		return List.of(line.details().clueTitle().strip() + "\u0000" + line.details().enterpriseName().strip());
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("title", "clue.import.error.duplicateRow", firstRow);
	}

	/** Writes a checked row; a rule the checks missed still refuses the whole file (the transaction rolls back). */
	@Override
	public Outcome write(Line line, ImportRow row) {
		try {
			if (line.existing() == null) {
				ref.book().create(line.details(), user, line.status());
				return Outcome.CREATED;
			}
			if (same(line.existing(), line.details())) {
				return Outcome.UNCHANGED;
			}
			ref.book().update(line.existing().id, line.details(), user);
			return Outcome.UPDATED;
		}
		catch (FieldException e) {
			row.refuse(FIELD_COLUMNS.getOrDefault(e.field(), "title"), e.messageKey(), e.args());
		}
		catch (BusinessException e) {
			row.refuse("title", e.messageKey(), e.args());
		}
		return null;
	}

	/** The owner: the named unit (in the user's scope), the city pool, or by default the clue's or the user's. */
	private UnitId owner(ImportRow row, Clue existing) {
		String name = row.text("owner");
		if (name == null) {
			if (existing != null) {
				return existing.owner();
			}
			return ClueAccess.cityBureau(user) ? null : user.unitId();
		}
		UnitId unit = null;
		if (!name.equals(pool)) {
			unit = unitsByName.get(name);
			if (unit == null) {
				row.refuse("owner", "clue.import.error.unknownUnit", name);
				return null;
			}
		}
		if (unit == null ? !ClueAccess.cityBureau(user) : !ref.scopes().of(user).canEdit(unit)) {
			row.refuse("owner", "clue.import.error.unitOutOfScope");
		}
		else if (existing != null && !Objects.equals(unit, existing.owner())) {
			row.refuse("owner", "clue.import.error.ownerChange");
		}
		return unit;
	}

	/** The assignee: a user of the owner unit (or a unit below it) by username or display name. */
	private Long assignee(ImportRow row, UnitId owner, Clue existing) {
		String name = row.text("assignee");
		if (name == null) {
			return existing == null ? null : existing.assigneeId;
		}
		if (owner == null) {
			row.refuse("assignee", "clue.import.error.assigneeNeedsUnit");
			return null;
		}
		var found = ref.users().named(ref.units().selfAndDescendants(owner), name);
		if (found.isEmpty()) {
			row.refuse("assignee", "clue.import.error.unknownAssignee", name);
			return null;
		}
		Long id = found.get().id().value();
		if (existing != null && !id.equals(existing.assigneeId)) {
			row.refuse("assignee", "clue.import.error.assigneeChange");
		}
		return id;
	}

	private static <T> T pick(ImportRow row, Map<String, T> labels, String field, String error) {
		String text = row.text(field);
		if (text == null) {
			return null;
		}
		T value = labels.get(text);
		if (value == null) {
			row.refuse(field, error, text);
		}
		return value;
	}

	/** Whether the details say nothing the clue does not already say (then the row changes nothing). */
	private static boolean same(Clue c, ClueDetails d) {
		return Objects.equals(c.title, d.clueTitle().strip())
				&& Objects.equals(c.enterpriseName, d.enterpriseName().strip())
				&& Objects.equals(c.merchantId, d.merchantId()) && Objects.equals(c.chainId, d.chainId())
				&& Objects.equals(c.chainLink, Clue.blankToNull(d.chainLink()))
				&& (c.estimatedInvestment == null ? d.estimatedInvestment() == null
						: d.estimatedInvestment() != null
								&& c.estimatedInvestment.compareTo(d.estimatedInvestment()) == 0)
				&& c.promotionMode == d.promotionMode() && c.source == d.source()
				&& Objects.equals(c.sourceCredit, Clue.blankToNull(d.sourceCredit()))
				&& Objects.equals(c.description, Clue.blankToNull(d.notes()));
	}

	/**
	 * The clue of this title and enterprise: by the enterprise's name as written, else — when the row gives a valid
	 * USCC — by the registered enterprise it names, whose clue stores the registered name rather than the row's.
	 */
	private Clue existing(String title, String enterprise, String uscc) {
		if (title == null || enterprise == null) {
			return null;
		}
		var id = firstClue(title, "enterprise_name", enterprise.strip());
		if (id.isEmpty() && uscc != null && Uscc.isValid(uscc)) {
			id = ref.merchants()
				.match(enterprise, uscc)
				.flatMap(m -> firstClue(title, "merchant_id", m.id().value()));
		}
		return id.flatMap(ref.book()::find).orElse(null);
	}

	private Optional<Long> firstClue(String title, String column, Object value) {
		return ref.jdbc()
			.sql("SELECT id FROM clue WHERE title = :title AND " + column + " = :value ORDER BY id")
			.param("title", title.strip())
			.param("value", value)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** The message key of a rule of the form ("{validation.required}"), resolved in the reader's language later. */
	private static String key(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
				: violation.getMessage();
	}

	/** The cell's text when the sheet has the column, else what the clue has. */
	private static String keep(ImportRow row, String field, String current) {
		return row.has(field) ? row.text(field) : current;
	}

	private String t(String key) {
		return ref.messages().getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
