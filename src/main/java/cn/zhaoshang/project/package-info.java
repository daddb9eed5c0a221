/**
 * The project ledger (项目台账) of policy clause XIII: every investment project tracked through negotiating →
 * signed → commenced → in production, with evidence gates, review by the city bureau, progress updates,
 * attachments and Excel import/export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Project ledger")
package cn.zhaoshang.project;
