/**
 * Intermediaries and consultants with rewards (policy clause XI, 委托招商): entrustment agreements with chambers of
 * commerce, agencies, consulting and accounting firms (period, scope, financial support, reward rules, the signed
 * document), consultants with their appointment letters and the clues credited to them, and the rewards due when a
 * project an intermediary introduced reaches a stage the city bureau verified (approved, then paid; audited). An
 * intermediary's own page shows only its own agreements, clues, projects and rewards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners",
		allowedDependencies = { "platform", "platform :: *", "clue", "project" })
package cn.zhaoshang.partner;
