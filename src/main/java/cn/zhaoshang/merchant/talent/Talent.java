package cn.zhaoshang.merchant.talent;

import java.time.Instant;

import cn.zhaoshang.platform.Contacts;

/**
 * A talent of the directory as pages, exports and the API show it. Built with the contacts in full; {@link #masked}
 * gives the copy for roles that do not need them ({@link Contacts}).
 */
public record Talent(long id, String name, String expertise, String title, String institution, String workCity,
		TalentRelation relation, String relationNote, String level, String phone, String email, String wechatId,
		String remarks, long unitId, String unitName, boolean active, int version, Instant createdAt,
		Instant updatedAt) {

	/** The fields of expertise one by one, in the order entered. */
	public java.util.List<String> fields() {
		return Talents.fields(expertise);
	}

	/** This talent with phone, e-mail and WeChat masked. */
	public Talent masked() {
		return new Talent(id, name, expertise, title, institution, workCity, relation, relationNote, level,
				Contacts.maskPhone(phone), Contacts.maskEmail(email), Contacts.maskOther(wechatId), remarks, unitId,
				unitName, active, version, createdAt, updatedAt);
	}
}
