/**
 * Enterprise service and element guarantees (policy clauses VIII, IX and XVI): land and factory stock and matching,
 * equity and financing, materials lists and approval agency, chief attendants' work, appeals and the mayor hotline,
 * service days and project evaluation. The allowed dependencies are the ceiling; the modules it really uses are the
 * ones the module map of docs/architecture.md names (ModularityTests compares them with the code).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise service",
		allowedDependencies = { "platform", "platform :: *", "org", "chain", "merchant", "clue", "project" })
package cn.zhaoshang.service;
