package cn.zhaoshang.merchant.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.Uscc;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise records of the merchant resource database: reading one, creating and editing with every rule
 * checked first (each naming its field), duplicate blocking (ADR 0004) and the rights of DESIGN §5: every internal
 * role reads; the four editing roles create; the registering unit's users, the city bureau and administrators edit.
 * Every write is audited in its transaction.
 */
@Service
public class MerchantRegistry {

	static final int MAX_NAME = 200;
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.CITY_SUPERVISOR, Role.UNIT_MANAGER,
			Role.UNIT_STAFF);

	private final JdbcClient jdbc;
	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;

	MerchantRegistry(JdbcClient jdbc, Chains chains, UnitDirectory units, DataScopes scopes, Auditor auditor,
			Clock clock) {
		this.jdbc = jdbc;
		this.chains = chains;
		this.units = units;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------------ reading

	/** The enterprise with contacts as stored (callers mask them with {@link MerchantRecord#forReader}). */
	public MerchantRecord get(long id) {
		var base = jdbc.sql("""
				SELECT m.id, m.name, m.uscc, m.enterprise_type, m.headquarters, m.chain_links, m.enterprise_size,
				       m.listed, m.global500, m.china500, m.unit_id, m.remarks, m.version, m.created_at, m.updated_at,
				       m.created_by, m.merged_into_id, s.name
				FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id WHERE m.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
					rs.getBoolean(10), (Long) rs.getObject(11, Long.class), rs.getString(12), rs.getInt(13),
					rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class), rs.getString(16),
					rs.getObject(17, Long.class), rs.getString(18) })
			.optional()
			.orElseThrow(NotFoundException::new);
		List<Long> chainIds = jdbc.sql("SELECT chain_id FROM merchant_chain WHERE merchant_id = :id ORDER BY chain_id")
			.param("id", id)
			.query(Long.class)
			.list();
		Map<Long, Chain> allChains = new LinkedHashMap<>();
		chains.all().forEach(c -> allChains.put(c.id().value(), c));
		List<Long> orderedChains = allChains.keySet().stream().filter(chainIds::contains).toList();
		boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
		List<String> chainNames = orderedChains.stream().map(c -> allChains.get(c).name(english)).toList();
		Set<SourceTag> tags = EnumSet.noneOf(SourceTag.class);
		jdbc.sql("SELECT tag FROM merchant_tag WHERE merchant_id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach(t -> tags.add(SourceTag.valueOf(t)));
		var aliases = jdbc.sql("SELECT id, name, kind FROM merchant_alias WHERE merchant_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new MerchantRecord.Alias(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		var contacts = jdbc.sql("""
				SELECT id, name, title, phone, email, wechat FROM merchant_contact WHERE merchant_id = :id
				ORDER BY sort_order, id""")
			.param("id", id)
			.query((rs, n) -> new MerchantRecord.Contact(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		Long unitId = (Long) base[10];
		String unitName = unitId == null ? null
				: units.find(new UnitId(unitId)).map(u -> u.name()).orElse(null);
		return new MerchantRecord((long) base[0], (String) base[1], (String) base[2],
				base[3] == null ? null : EnterpriseType.valueOf((String) base[3]), (String) base[4], orderedChains,
				chainNames, (String) base[5], base[6] == null ? null : EnterpriseSize.valueOf((String) base[6]),
				(boolean) base[7], (boolean) base[8], (boolean) base[9], tags, aliases, UnitId.of(unitId), unitName,
				(String) base[11], contacts, (int) base[12], instant(base[13]), instant(base[14]), (String) base[15],
				(Long) base[16], (String) base[17]);
	}

	private static java.time.Instant instant(Object o) {
		return o == null ? null : ((OffsetDateTime) o).toInstant();
	}

	/** Whether the user may edit the enterprise: not merged, and an editing role with the registering unit in scope. */
	public boolean canEdit(MerchantRecord m, CurrentUser user) {
		if (user == null || !EDITORS.contains(user.role()) || m.merged()) {
			return false;
		}
		var scope = scopes.of(user);
		return scope.editAll() || (m.unitId() != null && scope.canEdit(m.unitId()));
	}

	public static boolean canCreate(CurrentUser user) {
		return user != null && EDITORS.contains(user.role());
	}

	// ------------------------------------------------------------------------------------------------ duplicates

	/**
	 * An existing enterprise that the one being entered may be: same USCC, or same normalised name as its name or
	 * one of its aliases. A merged record is shown as the record it was merged into.
	 *
	 * @param reason {@code uscc} or {@code name}
	 */
	public record Candidate(long id, String name, String uscc, String reason) {

		public String path() {
			return "/merchants/" + id;
		}
	}

	/** The enterprise may not be created (or renamed) as entered: it matches these records (ADR 0004). */
	public static class Duplicate extends BusinessException {

		private static final long serialVersionUID = 1L;

		private final transient List<Candidate> candidates;

		public Duplicate(List<Candidate> candidates) {
			super(409, "merchant.duplicate", candidates.size());
			this.candidates = List.copyOf(candidates);
		}

		public List<Candidate> candidates() {
			return candidates;
		}
	}

	/**
	 * The records that block an enterprise of this name and USCC (ADR 0004): any with the same USCC; and any whose
	 * normalised name or alias equals the normalised name, unless both carry a USCC and they differ (two registered
	 * legal persons, e.g. the Puyang and the Shanghai company of one group, may share a normalised name).
	 */
	public List<Candidate> duplicates(String name, String uscc, Long excludeId) {
		String code = blank(uscc) ? null : Uscc.normalize(uscc);
		Map<Long, Candidate> found = new LinkedHashMap<>();
		if (code != null) {
			jdbc.sql("""
					SELECT COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
					FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id WHERE m.uscc = :uscc""")
				.param("uscc", code)
				.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), "uscc"))
				.list()
				.forEach(c -> found.putIfAbsent(c.id(), c));
		}
		if (!blank(name)) {
			String normalized = EnterpriseNames.normalize(name.strip());
			jdbc.sql("""
					SELECT COALESCE(s.id, m.id), COALESCE(s.name, m.name), COALESCE(s.uscc, m.uscc)
					FROM merchant m LEFT JOIN merchant s ON s.id = m.merged_into_id
					WHERE m.normalized_name = :n
					   OR m.id IN (SELECT a.merchant_id FROM merchant_alias a WHERE a.normalized_name = :n)
					ORDER BY 1""")
				.param("n", normalized)
				.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), "name"))
				.list()
				.stream()
				.filter(c -> code == null || c.uscc() == null || c.uscc().equals(code))
				.forEach(c -> found.putIfAbsent(c.id(), c));
		}
		if (excludeId != null) {
			found.remove(excludeId);
		}
		return new ArrayList<>(found.values());
	}

	// ------------------------------------------------------------------------------------------------ writing

	@Transactional
	public long create(MerchantInput in, CurrentUser user) {
		if (!canCreate(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		Long unit = in.registeringUnitId() != null ? in.registeringUnitId() : user.unitId() == null ? null : user.unitId().value();
		Checked c = check(in, unit, user);
		var duplicates = duplicates(c.name, c.uscc, null);
		if (!duplicates.isEmpty()) {
			throw new Duplicate(duplicates);
		}
		long id = insert(c, user);
		auditor.record("merchant", id, "CREATE", c.name, Map.of(), auditView(id));
		return id;
	}

	@Transactional
	public void update(long id, MerchantInput in, CurrentUser user) {
		MerchantRecord before = get(id);
		if (before.merged()) {
			throw new BusinessException(409, "merchant.mergedReadOnly", before.mergedIntoName());
		}
		if (!canEdit(before, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (in.version() == null || in.version() != before.version()) {
			throw new OptimisticLockingFailureException("merchant " + id + " changed meanwhile");
		}
		Long unit = in.registeringUnitId() != null ? in.registeringUnitId() : before.unitId() == null ? null : before.unitId().value();
		Checked c = check(in, unit, user);
		// Only a change of name or USCC can make a new duplicate: a legacy duplicate stays editable until merged.
		boolean identityChanged = !EnterpriseNames.normalize(c.name).equals(EnterpriseNames.normalize(before.name()))
				|| !Objects.equals(c.uscc, before.uscc());
		var duplicates = identityChanged ? duplicates(c.name, c.uscc, id) : List.<Candidate>of();
		if (!duplicates.isEmpty()) {
			throw new Duplicate(duplicates);
		}
		var beforeView = auditView(id);
		write(id, c, in.version());
		auditor.record("merchant", id, "UPDATE", c.name, beforeView, auditView(id));
	}

	/** The rules, all at once; each broken rule names its field. */
	Checked check(MerchantInput in, Long unit, CurrentUser user) {
		List<Violation> v = new ArrayList<>();
		String name = strip(in.name());
		if (name == null) {
			v.add(new Violation("name", "validation.required"));
		}
		else if (name.length() > MAX_NAME) {
			v.add(new Violation("name", "merchant.validation.tooLong", MAX_NAME));
		}
		String uscc = blank(in.uscc()) ? null : Uscc.normalize(in.uscc());
		if (uscc != null && !Uscc.isValid(uscc)) {
			v.add(new Violation("uscc", "validation.uscc"));
		}
		if (in.enterpriseType() == null) {
			v.add(new Violation("enterpriseType", "validation.required"));
		}
		length(v, "headquarters", in.headquarters(), 200);
		length(v, "chainLinks", in.chainLinks(), 500);
		length(v, "remarks", in.remarks(), 2000);
		Set<Long> known = new java.util.HashSet<>();
		chains.all().forEach(ch -> known.add(ch.id().value()));
		List<Long> chainIds = in.chainIds().stream().sorted().toList();
		if (!known.containsAll(chainIds)) {
			v.add(new Violation("chainIds", "validation.unknown"));
		}
		if (unit == null || units.find(new UnitId(unit)).isEmpty()) {
			v.add(new Violation("registeringUnitId", unit == null ? "validation.required" : "validation.unknown"));
		}
		Set<String> aliases = new LinkedHashSet<>();
		for (String a : in.aliases()) {
			String s = strip(a);
			if (s == null || s.equals(name)) {
				continue;
			}
			if (s.length() > MAX_NAME) {
				v.add(new Violation("aliases", "merchant.validation.tooLong", MAX_NAME));
			}
			aliases.add(s);
		}
		List<ContactInput> contacts = new ArrayList<>();
		int n = 0;
		for (ContactInput ci : in.contacts()) {
			n++;
			var contact = new ContactInput(strip(ci.name()), strip(ci.title()), strip(ci.phone()), strip(ci.email()),
					strip(ci.wechat()));
			if (contact.name() == null) {
				v.add(new Violation("contacts", "merchant.contact.nameRequired", n));
			}
			else if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
				v.add(new Violation("contacts", "merchant.contact.emailInvalid", n));
			}
			else if (longer(contact.name(), 50) || longer(contact.title(), 100) || longer(contact.phone(), 40)
					|| longer(contact.email(), 120) || longer(contact.wechat(), 60)) {
				v.add(new Violation("contacts", "merchant.contact.tooLong", n));
			}
			contacts.add(contact);
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		// The form offers only units in the user's scope: another one is a forged request.
		if (!scopes.of(user).canEdit(new UnitId(unit))) {
			throw new BusinessException(403, "error.forbidden");
		}
		return new Checked(name, uscc, in.enterpriseType(), strip(in.headquarters()), chainIds,
				strip(in.chainLinks()), in.enterpriseSize(), in.listed(), in.global500(), in.china500(), in.tags(),
				List.copyOf(aliases), unit, strip(in.remarks()), contacts);
	}

	/** Input that passed every rule, trimmed. */
	record Checked(String name, String uscc, EnterpriseType type, String headquarters, List<Long> chainIds,
			String chainLinks, EnterpriseSize size, boolean listed, boolean global500, boolean china500,
			Set<SourceTag> tags, List<String> aliases, long unitId, String remarks, List<ContactInput> contacts) {
	}

	/** The stored record in the form {@link #check} gives input, to tell whether an import row changes anything. */
	Checked checkedOf(MerchantRecord m) {
		return new Checked(m.name(), m.uscc(), m.enterpriseType(), m.headquarters(),
				m.chainIds().stream().sorted().toList(), m.chainLinks(), m.enterpriseSize(), m.listed(), m.global500(),
				m.china500(), m.tags(), m.ownAliases(), m.unitId() == null ? 0 : m.unitId().value(), m.remarks(),
				m.contacts()
					.stream()
					.map(c -> new ContactInput(c.name(), c.title(), c.phone(), c.email(), c.wechat()))
					.toList());
	}

	long insert(Checked c, CurrentUser user) {
		var keys = new GeneratedKeyHolder();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO merchant (name, normalized_name, uscc, enterprise_type, headquarters, chain_links,
				    enterprise_size, listed, global500, china500, unit_id, remarks, created_by, created_at, updated_at)
				VALUES (:name, :normalized, :uscc, :type, :hq, :links, :size, :listed, :g500, :c500, :unit, :remarks,
				    :by, :now, :now)""")
			.paramSource(params(c).addValue("by", user == null ? null : user.getUsername()).addValue("now", now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		children(id, c);
		return id;
	}

	void write(long id, Checked c, int version) {
		int updated = jdbc.sql("""
				UPDATE merchant SET name = :name, normalized_name = :normalized, uscc = :uscc, enterprise_type = :type,
				    headquarters = :hq, chain_links = :links, enterprise_size = :size, listed = :listed,
				    global500 = :g500, china500 = :c500, unit_id = :unit, remarks = :remarks, version = version + 1,
				    updated_at = :now
				WHERE id = :id AND version = :version""")
			.paramSource(params(c).addValue("id", id)
				.addValue("version", version)
				.addValue("now", clock.instant().atOffset(ZoneOffset.UTC)))
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("merchant " + id + " changed meanwhile");
		}
		jdbc.sql("DELETE FROM merchant_chain WHERE merchant_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_tag WHERE merchant_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_alias WHERE merchant_id = :id AND kind <> 'MERGED'").param("id", id).update();
		jdbc.sql("DELETE FROM merchant_contact WHERE merchant_id = :id").param("id", id).update();
		children(id, c);
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Checked c) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("name", c.name)
			.addValue("normalized", EnterpriseNames.normalize(c.name))
			.addValue("uscc", c.uscc, java.sql.Types.VARCHAR)
			.addValue("type", c.type.name())
			.addValue("hq", c.headquarters, java.sql.Types.VARCHAR)
			.addValue("links", c.chainLinks, java.sql.Types.VARCHAR)
			.addValue("size", c.size == null ? null : c.size.name(), java.sql.Types.VARCHAR)
			.addValue("listed", c.listed)
			.addValue("g500", c.global500)
			.addValue("c500", c.china500)
			.addValue("unit", c.unitId)
			.addValue("remarks", c.remarks, java.sql.Types.VARCHAR);
	}

	private void children(long id, Checked c) {
		for (Long chain : c.chainIds) {
			jdbc.sql("INSERT INTO merchant_chain (merchant_id, chain_id) VALUES (:id, :chain)")
				.param("id", id)
				.param("chain", chain)
				.update();
		}
		for (SourceTag tag : c.tags) {
			jdbc.sql("INSERT INTO merchant_tag (merchant_id, tag) VALUES (:id, :tag)")
				.param("id", id)
				.param("tag", tag.name())
				.update();
		}
		for (String alias : c.aliases) {
			jdbc.sql("""
					INSERT INTO merchant_alias (merchant_id, name, normalized_name, kind)
					VALUES (:id, :name, :normalized, 'ALIAS')""")
				.param("id", id)
				.param("name", alias)
				.param("normalized", EnterpriseNames.normalize(alias))
				.update();
		}
		int order = 0;
		for (ContactInput ct : c.contacts) {
			jdbc.sql("""
					INSERT INTO merchant_contact (merchant_id, name, title, phone, email, wechat, sort_order)
					VALUES (:id, :name, :title, :phone, :email, :wechat, :order)""")
				.param("id", id)
				.param("name", ct.name())
				.param("title", ct.title(), java.sql.Types.VARCHAR)
				.param("phone", ct.phone(), java.sql.Types.VARCHAR)
				.param("email", ct.email(), java.sql.Types.VARCHAR)
				.param("wechat", ct.wechat(), java.sql.Types.VARCHAR)
				.param("order", order++)
				.update();
		}
	}

	/**
	 * The record as the audit trail keeps it. Contacts appear by name only: the history is read by roles that see
	 * contact details masked, and the trail is append-only, so phone numbers never go into it.
	 */
	Map<String, Object> auditView(long id) {
		MerchantRecord r = get(id);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", r.name());
		m.put("uscc", r.uscc());
		m.put("enterpriseType", r.enterpriseType() == null ? null : r.enterpriseType().name());
		m.put("headquarters", r.headquarters());
		m.put("chains", String.join(", ", chainNamesZh(r.chainIds())));
		m.put("chainLinks", r.chainLinks());
		m.put("enterpriseSize", r.enterpriseSize() == null ? null : r.enterpriseSize().name());
		m.put("listed", r.listed());
		m.put("global500", r.global500());
		m.put("china500", r.china500());
		m.put("tags", String.join(",", r.tags().stream().sorted().map(Enum::name).toList()));
		m.put("aliases", String.join("; ", r.ownAliases()));
		m.put("registeringUnitId", r.unitName());
		m.put("remarks", r.remarks());
		m.put("contacts", String.join(", ", r.contacts().stream().map(MerchantRecord.Contact::name).toList()));
		m.values().removeIf(Objects::isNull);
		return m;
	}

	/** The chains' Chinese names (as the ledgers and the workbook write them), in the chains' order. */
	List<String> chainNamesZh(List<Long> ids) {
		return chains.all().stream().filter(c -> ids.contains(c.id().value())).map(Chain::name).toList();
	}

	static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static boolean longer(String s, int max) {
		return s != null && s.length() > max;
	}

	private static void length(List<Violation> v, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			v.add(new Violation(field, "merchant.validation.tooLong", max));
		}
	}

}
