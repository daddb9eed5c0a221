/**
 * Activities (policy clauses II, X, XII and XV): leaders' three projects (一带三项目), outbound promotion trips and
 * their monthly compliance, events (expos, signing ceremonies, cloud promotion), resident and joint teams' work logs,
 * and training. The allowed dependencies are the ceiling; the modules it really uses are the ones the module map of
 * docs/architecture.md names (ModularityTests compares them with the code).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities",
		allowedDependencies = { "platform", "platform :: *", "org", "chain", "merchant", "clue", "project" })
package cn.zhaoshang.activity;
