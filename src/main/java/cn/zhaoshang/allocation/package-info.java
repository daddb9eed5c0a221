/**
 * Allocation (policy clauses XIII and IV, issue 12): recommending receiving units for projects outside their unit's
 * positioning, transfers of projects and clues between units, the benefit-sharing agreements (利益共享) an accepted
 * transfer carries and the benefit ledger. It reads the units' positioning from {@code chain}, moves projects and
 * clues through {@code project.ProjectRelocation} and {@code clue.ClueRelocation}, and applies agreements through
 * {@code project.CreditShares}. The allowed dependencies are the ceiling; the modules it really uses are the ones the
 * module map of docs/architecture.md names (ModularityTests compares them with the code).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation",
		allowedDependencies = { "platform", "platform :: *", "chain", "clue", "project" })
package cn.zhaoshang.allocation;
