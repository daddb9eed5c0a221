package cn.zhaoshang.org.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.org.PersonKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A leader or staff member of a unit (aggregate root). */
@Table("person")
public class Person {

	@Id
	public Long id;
	public Long unitId;
	public String name;
	public PersonKind kind;
	public String title;
	/** The position the clause XV rules count (issue 13), or null. */
	public cn.zhaoshang.org.PersonPosition position;
	public String phone;
	public String email;
	public boolean active = true;
	/** The person's own user account, if they have one. */
	public Long userId;
	@Version
	public Integer version;
	public Instant createdAt;
	public Instant updatedAt;

	public Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", unitId);
		m.put("name", name);
		m.put("kind", kind);
		m.put("title", title);
		m.put("position", position);
		m.put("phone", phone);
		m.put("email", email);
		m.put("active", active);
		m.put("account", userId);
		return m;
	}
}
