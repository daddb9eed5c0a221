package cn.zhaoshang.org.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.org.UnitType;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organisational unit (aggregate root). Deactivated, never deleted: records keep pointing at it. */
@Table("unit")
public class Unit {

	@Id
	public Long id;
	public String code;
	public String name;
	public String shortName;
	public UnitType type;
	public Long parentId;
	public String region;
	public String phone;
	public String address;
	public int sortOrder;
	/** Setting: forward stage moves of this unit's projects need review by the city bureau. */
	public boolean stageReviewRequired;
	public boolean active = true;
	@Version
	public Integer version;
	public Instant createdAt;
	public Instant updatedAt;

	public Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", code);
		m.put("name", name);
		m.put("shortName", shortName);
		m.put("type", type);
		m.put("parentId", parentId);
		m.put("region", region);
		m.put("phone", phone);
		m.put("address", address);
		m.put("sortOrder", sortOrder);
		m.put("active", active);
		m.put("stageReviewRequired", stageReviewRequired);
		return m;
	}
}
