package cn.zhaoshang.merchant.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.platform.Contacts;
import cn.zhaoshang.platform.UnitId;

/**
 * An enterprise as its page, the API and the export show it. Contacts come as stored; {@link #forReader} masks them
 * for roles that do not need them, so every way out of the module masks the same way.
 */
public record MerchantRecord(long id, String name, String uscc, EnterpriseType enterpriseType, String headquarters,
		List<Long> chainIds, List<String> chainNames, String chainLinks, EnterpriseSize enterpriseSize,
		boolean listed, boolean global500, boolean china500, Set<SourceTag> tags, List<Alias> aliases, UnitId unitId,
		String unitName, String remarks, List<Contact> contacts, int version, Instant createdAt, Instant updatedAt,
		String createdBy, Long mergedIntoId, String mergedIntoName) {

	/** A former or other name; {@code kind} FORMER, ALIAS or MERGED (the name of a record merged into this one). */
	public record Alias(long id, String name, String kind) {
	}

	public record Contact(long id, String name, String title, String phone, String email, String wechat) {

		Contact masked() {
			return new Contact(id, name, title, Contacts.maskPhone(phone), Contacts.maskEmail(email),
					Contacts.maskOther(wechat));
		}
	}

	public boolean merged() {
		return mergedIntoId != null;
	}

	/**
	 * 资料不全: registered in passing (from a project form or a clue) with a name only, so it has no type or no
	 * industry chain, and the merchant statistics by type and chain miss it until someone completes it.
	 */
	public boolean incomplete() {
		return enterpriseType == null || chainIds == null || chainIds.isEmpty();
	}

	/** This record with the contacts masked unless the reader's role sees them in full. */
	public MerchantRecord forReader(cn.zhaoshang.platform.Role role) {
		if (Contacts.seesInFull(role)) {
			return this;
		}
		return new MerchantRecord(id, name, uscc, enterpriseType, headquarters, chainIds, chainNames, chainLinks,
				enterpriseSize, listed, global500, china500, tags, aliases, unitId, unitName, remarks,
				contacts.stream().map(Contact::masked).toList(), version, createdAt, updatedAt, createdBy, mergedIntoId,
				mergedIntoName);
	}

	/** The names shown in the alias field of forms and sheets: former names and aliases, not merged names. */
	public List<String> ownAliases() {
		return aliases.stream().filter(a -> !"MERGED".equals(a.kind())).map(Alias::name).toList();
	}
}
