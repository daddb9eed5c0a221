/**
 * Reports (policy clause XVII): the home dashboard per role (issue 11), whose every chart element links to the
 * ledger rows behind it. It reads the ledger's stock (by stage, chain, key projects, stalled marks, funds rows) by
 * plain SQL over the project tables, and the supervision figures for target completion; publications of other
 * modules plug in through {@link cn.zhaoshang.report.DashboardPanel}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
		allowedDependencies = { "platform", "org", "chain", "project", "supervision" })
package cn.zhaoshang.report;
