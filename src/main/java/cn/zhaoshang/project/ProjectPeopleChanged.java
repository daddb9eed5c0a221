package cn.zhaoshang.project;

import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A project's responsible leader or chief attendant (首席服务员) was set or changed (also when a new project is
 * registered with them). A side that did not change has the same value before and after.
 *
 * @param changedBy the login name of who made the change
 */
public record ProjectPeopleChanged(ProjectId id, UnitId unit, String code, String name, PersonId leaderFrom,
		PersonId leaderTo, PersonId attendantFrom, PersonId attendantTo, String changedBy) {

	public boolean leaderChanged() {
		return !java.util.Objects.equals(leaderFrom, leaderTo);
	}

	public boolean attendantChanged() {
		return !java.util.Objects.equals(attendantFrom, attendantTo);
	}
}
