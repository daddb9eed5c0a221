package cn.zhaoshang.merchant.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.Uscc;

import org.springframework.stereotype.Service;

/**
 * The rules of an enterprise record of the merchant resource database, shared by the form, the API and the import:
 * who may create and edit (DESIGN §5: every internal role reads; the four editing roles create; the registering
 * unit's users, the city bureau and administrators edit), what input passes (each broken rule naming its field), and
 * the duplicate types of ADR 0004. The use cases are {@link RegisterMerchant} and {@link EditMerchant}; reading is
 * {@link MerchantReader}, writing {@link MerchantStore}. The import still reaches them through the methods at the
 * end of this class.
 */
@Service
public class MerchantRegistry {

	static final int MAX_NAME = 200;
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final MerchantReader reader;
	private final MerchantDuplicates duplicates;
	private final MerchantStore store;

	MerchantRegistry(Chains chains, UnitDirectory units, DataScopes scopes, MerchantReader reader,
			MerchantDuplicates duplicates, MerchantStore store) {
		this.chains = chains;
		this.units = units;
		this.scopes = scopes;
		this.reader = reader;
		this.duplicates = duplicates;
		this.store = store;
	}

	// ------------------------------------------------------------------------------------------------ rights

	/** Whether the user may edit the enterprise: not merged, and an editing role with the registering unit in scope. */
	public boolean canEdit(MerchantRecord m, CurrentUser user) {
		if (user == null || !user.role().isEditor() || m.merged()) {
			return false;
		}
		var scope = scopes.of(user);
		return scope.editAll() || (m.unitId() != null && scope.canEdit(m.unitId()));
	}

	public static boolean canCreate(CurrentUser user) {
		return user != null && user.role().isEditor();
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

	// ------------------------------------------------------------------------------------------------ input

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

	// ------------------------------------------------------------------------- for the import and the pages

	/** {@link MerchantReader#get}. */
	public MerchantRecord get(long id) {
		return reader.get(id);
	}

	/** {@link MerchantDuplicates#of}. */
	public List<Candidate> duplicates(String name, String uscc, Long excludeId) {
		return duplicates.of(name, uscc, excludeId);
	}

	Map<String, Object> auditView(long id) {
		return reader.auditView(id);
	}

	List<String> chainNamesZh(List<Long> ids) {
		return reader.chainNamesZh(ids);
	}

	long insert(Checked c, CurrentUser user) {
		return store.insert(c, user);
	}

	void write(long id, Checked c, int version) {
		store.write(id, c, version);
	}

	// ------------------------------------------------------------------------------------------------ helpers

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
