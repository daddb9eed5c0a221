package cn.zhaoshang.merchant.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;
import cn.zhaoshang.merchant.internal.MerchantRecord;

/**
 * The create/edit form as the browser posts it: aliases one per line, contacts as indexed rows
 * ({@code contacts[0].name}); blank contact rows are ignored. The rules live in {@code MerchantRegistry}.
 */
public class MerchantForm {

	/** Blank contact rows offered below the existing ones. */
	static final int SPARE_CONTACTS = 2;

	private String name;
	private String uscc;
	private EnterpriseType enterpriseType;
	private String headquarters;
	private List<Long> chainIds = new ArrayList<>();
	private String chainLinks;
	private EnterpriseSize enterpriseSize;
	private boolean listed;
	private boolean global500;
	private boolean china500;
	private Set<SourceTag> tags = new LinkedHashSet<>();
	private String aliases;
	private Long registeringUnitId;
	private String remarks;
	private List<ContactRow> contacts = new ArrayList<>();
	private Integer version;

	/** One contact row of the form. */
	public static class ContactRow {

		private String name;
		private String title;
		private String phone;
		private String email;
		private String wechat;

		public ContactRow() {
		}

		ContactRow(String name, String title, String phone, String email, String wechat) {
			this.name = name;
			this.title = title;
			this.phone = phone;
			this.email = email;
			this.wechat = wechat;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getWechat() {
			return wechat;
		}

		public void setWechat(String wechat) {
			this.wechat = wechat;
		}
	}

	static MerchantForm empty(Long unitId) {
		var f = new MerchantForm();
		f.registeringUnitId = unitId;
		f.padContacts();
		return f;
	}

	static MerchantForm of(MerchantRecord r) {
		var f = new MerchantForm();
		f.name = r.name();
		f.uscc = r.uscc();
		f.enterpriseType = r.enterpriseType();
		f.headquarters = r.headquarters();
		f.chainIds = new ArrayList<>(r.chainIds());
		f.chainLinks = r.chainLinks();
		f.enterpriseSize = r.enterpriseSize();
		f.listed = r.listed();
		f.global500 = r.global500();
		f.china500 = r.china500();
		f.tags = new LinkedHashSet<>(r.tags());
		f.aliases = String.join("\n", r.ownAliases());
		f.registeringUnitId = r.unitId() == null ? null : r.unitId().value();
		f.remarks = r.remarks();
		r.contacts()
			.forEach(c -> f.contacts.add(new ContactRow(c.name(), c.title(), c.phone(), c.email(), c.wechat())));
		f.version = r.version();
		f.padContacts();
		return f;
	}

	/** Keeps the rows typed and adds blank ones, so a re-shown form can take another contact. */
	void padContacts() {
		contacts.removeIf(c -> c == null || blank(c));
		for (int i = 0; i < SPARE_CONTACTS; i++) {
			contacts.add(new ContactRow());
		}
	}

	MerchantInput toInput() {
		List<String> aliasList = aliases == null ? List.of()
				: Arrays.stream(aliases.split("[\\r\\n\\uFF1B;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		List<ContactInput> contactList = contacts.stream()
			.filter(c -> c != null)
			.map(c -> new ContactInput(c.name, c.title, c.phone, c.email, c.wechat))
			.toList();
		return new MerchantInput(name, uscc, enterpriseType, headquarters, chainIds, chainLinks, enterpriseSize, listed,
				global500, china500, tags, aliasList, registeringUnitId, remarks, contactList, version);
	}

	private static boolean blank(ContactRow c) {
		return isBlank(c.name) && isBlank(c.title) && isBlank(c.phone) && isBlank(c.email) && isBlank(c.wechat);
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getUscc() {
		return uscc;
	}

	public void setUscc(String uscc) {
		this.uscc = uscc;
	}

	public EnterpriseType getEnterpriseType() {
		return enterpriseType;
	}

	public void setEnterpriseType(EnterpriseType enterpriseType) {
		this.enterpriseType = enterpriseType;
	}

	public String getHeadquarters() {
		return headquarters;
	}

	public void setHeadquarters(String headquarters) {
		this.headquarters = headquarters;
	}

	public List<Long> getChainIds() {
		return chainIds;
	}

	public void setChainIds(List<Long> chainIds) {
		this.chainIds = chainIds == null ? new ArrayList<>() : chainIds;
	}

	public String getChainLinks() {
		return chainLinks;
	}

	public void setChainLinks(String chainLinks) {
		this.chainLinks = chainLinks;
	}

	public EnterpriseSize getEnterpriseSize() {
		return enterpriseSize;
	}

	public void setEnterpriseSize(EnterpriseSize enterpriseSize) {
		this.enterpriseSize = enterpriseSize;
	}

	public boolean isListed() {
		return listed;
	}

	public void setListed(boolean listed) {
		this.listed = listed;
	}

	public boolean isGlobal500() {
		return global500;
	}

	public void setGlobal500(boolean global500) {
		this.global500 = global500;
	}

	public boolean isChina500() {
		return china500;
	}

	public void setChina500(boolean china500) {
		this.china500 = china500;
	}

	public Set<SourceTag> getTags() {
		return tags;
	}

	public void setTags(Set<SourceTag> tags) {
		this.tags = tags == null ? new LinkedHashSet<>() : tags;
	}

	public String getAliases() {
		return aliases;
	}

	public void setAliases(String aliases) {
		this.aliases = aliases;
	}

	public Long getRegisteringUnitId() {
		return registeringUnitId;
	}

	public void setRegisteringUnitId(Long registeringUnitId) {
		this.registeringUnitId = registeringUnitId;
	}

	public String getRemarks() {
		return remarks;
	}

	public void setRemarks(String remarks) {
		this.remarks = remarks;
	}

	public List<ContactRow> getContacts() {
		return contacts;
	}

	public void setContacts(List<ContactRow> contacts) {
		this.contacts = contacts == null ? new ArrayList<>() : contacts;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}
}
