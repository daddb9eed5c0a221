package cn.zhaoshang.dispatch;

/** Where a dispatch round stands. */
public enum RoundStatus {
	/** Units report; the bureau adds and removes projects. */
	OPEN,
	/** Reports and the projects' facts for the period are frozen; the bureau may reopen it with a reason. */
	CLOSED
}
