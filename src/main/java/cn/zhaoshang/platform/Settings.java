package cn.zhaoshang.platform;

/**
 * The current value of a declared {@link SettingDefinition}: what an administrator saved on the 系统设置 page, or the
 * declared default while nothing is saved. Values are read from the database on every call, so a change applies at
 * once on every node.
 */
public interface Settings {

	int intValue(String key);

	boolean booleanValue(String key);

	String textValue(String key);
}
