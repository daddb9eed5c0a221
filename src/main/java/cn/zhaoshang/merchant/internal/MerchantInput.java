package cn.zhaoshang.merchant.internal;

import java.util.List;
import java.util.Set;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;

/**
 * What is entered for an enterprise, from the form, the API body or an import row. {@link MerchantRegistry} checks
 * it (all rules at once, each naming its field) before anything is written.
 *
 * @param uscc optional: foreign and overseas investors have none
 * @param chainIds industry chains ({@code industry_chain} ids)
 * @param aliases former names and other names, one each
 * @param registeringUnitId the registering unit; empty means the user's own unit
 * @param version the version read, for edits (optimistic locking)
 */
public record MerchantInput(String name, String uscc, EnterpriseType enterpriseType, String headquarters,
		List<Long> chainIds, String chainLinks, EnterpriseSize enterpriseSize, Boolean listed, Boolean global500,
		Boolean china500, Set<SourceTag> tags, List<String> aliases, Long registeringUnitId, String remarks,
		List<ContactInput> contacts, Integer version) {

	/**
	 * Flags left out count as false: boxed, because Jackson 3 refuses a body that leaves out a primitive, and an API
	 * client should not have to send every flag.
	 */
	public MerchantInput {
		listed = Boolean.TRUE.equals(listed);
		global500 = Boolean.TRUE.equals(global500);
		china500 = Boolean.TRUE.equals(china500);
		chainIds = chainIds == null ? List.of() : chainIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		tags = tags == null ? Set.of() : Set.copyOf(tags);
		aliases = aliases == null ? List.of() : aliases.stream().filter(java.util.Objects::nonNull).toList();
		contacts = contacts == null ? List.of() : contacts.stream().filter(c -> c != null && !c.isBlank()).toList();
	}

	/** One contact person; shown masked to roles that do not need contacts ({@code platform.Contacts}). */
	public record ContactInput(String name, String title, String phone, String email, String wechat) {

		boolean isBlank() {
			return blank(name) && blank(title) && blank(phone) && blank(email) && blank(wechat);
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}
	}
}
