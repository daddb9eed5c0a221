package cn.zhaoshang.platform.setting;

import java.time.Instant;

import cn.zhaoshang.platform.SettingDefinition;

/**
 * A setting as the 系统设置 page shows it: its definition, the value in force, whether it is the default, and who
 * saved it last.
 */
public record SettingRow(SettingDefinition definition, String value, boolean isDefault, Integer version,
		Instant updatedAt, String updatedBy) {

	public String key() {
		return definition.key();
	}

	public boolean isBoolean() {
		return definition.type() == SettingDefinition.Type.BOOLEAN;
	}

	public boolean isInt() {
		return definition.type() == SettingDefinition.Type.INT;
	}
}
