package cn.zhaoshang.dispatch;

/** Where a major matter (重大事项) is sent. */
public enum MajorForum {
	/** The municipal government's executive meeting (市政府常务会议). */
	EXECUTIVE_MEETING,
	/** The key-project dispatch meeting (重点项目调度会). */
	KEY_PROJECT_DISPATCH
}
