/**
 * The list kit: one page type ({@link cn.zhaoshang.platform.list.Paging}), page-size rules
 * ({@link cn.zhaoshang.platform.list.PageSizes}), the SQL filter builder with LIKE escaping
 * ({@link cn.zhaoshang.platform.list.SqlFilter}) and the sort whitelist ({@link cn.zhaoshang.platform.list.Sorting})
 * that every module's list page, export and API use (docs/architecture.md, Kits: lists).
 */
@org.springframework.modulith.NamedInterface("list")
package cn.zhaoshang.platform.list;
