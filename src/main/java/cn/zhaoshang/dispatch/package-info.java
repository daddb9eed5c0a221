/**
 * Dispatch rounds (项目调度) of policy clause VII: every two months the city bureau opens a round over a period, each
 * unit reports on its negotiating, signed and commenced projects, the meeting gives each problem a decision
 * (交办事项) with an owner and a due date, major matters go to the executive meeting or the key-project dispatch
 * meeting, and closing a round freezes each project's facts for the period (the stagnation rule reads them).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch")
package cn.zhaoshang.dispatch;
