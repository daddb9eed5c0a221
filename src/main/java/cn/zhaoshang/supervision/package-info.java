/**
 * Supervision (督查, policy clauses XVII and XVIII): the annual targets of each unit and their completion, and later
 * the figures read model, weekly dynamics, monthly notifications, quarterly rankings, half-year observations and the
 * year-end summary. The allowed dependencies are the ceiling; the modules it really uses are the ones the module map
 * of docs/architecture.md names (ModularityTests compares them with the code).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
		allowedDependencies = { "platform", "platform :: *", "org", "clue", "project", "dispatch", "activity" })
package cn.zhaoshang.supervision;
