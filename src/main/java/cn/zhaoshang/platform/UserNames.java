package cn.zhaoshang.platform;

import java.util.Map;
import java.util.Set;

/** People's names for their sign-in names, for pages that show who did something (the history, the audit search). */
public interface UserNames {

	/** The display name of each known user name, looked up in one query; unknown ones are left out. */
	Map<String, String> byUsername(Set<String> usernames);
}
