/**
 * Organisation: units (city bureau, departments, counties/districts, zones, industry HQs, resident teams,
 * intermediaries) in a tree, and the leaders and staff who belong to them. Policy clauses X and XIV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package cn.zhaoshang.org;
