-- Demo data of issue 14 (module service): the standard materials checklist per project type, the city's default
-- evaluation thresholds and 华龙区's own, and for 豫北国际商贸物流园项目 (PY-2026-00001, chief attendant 张伟) a
-- checklist with two items accepted on commitment (one overdue) and its approvals, one past its limit. Dates are
-- relative to the day the database is created. Portable SQL (H2 and PostgreSQL).

INSERT INTO service_material_item (project_type, name, sort_order) VALUES
 ('NEW', '项目备案申请表', 1), ('NEW', '营业执照', 2), ('NEW', '投资协议', 3), ('NEW', '用地预审意见', 4),
 ('NEW', '建设工程规划许可申请', 5), ('NEW', '环境影响评价文件', 6), ('NEW', '节能报告', 7),
 ('EXPANSION', '项目备案申请表', 1), ('EXPANSION', '营业执照', 2), ('EXPANSION', '原项目竣工验收材料', 3),
 ('EXPANSION', '环境影响评价文件', 4), ('EXPANSION', '节能报告', 5),
 ('RETURN', '返乡创业人员身份证明', 1), ('RETURN', '营业执照', 2), ('RETURN', '投资协议', 3),
 ('FOREIGN', '外商投资信息报告', 1), ('FOREIGN', '营业执照', 2), ('FOREIGN', '投资协议', 3),
 ('EXPORT_ORIENTED', '对外贸易经营者备案', 1);

INSERT INTO service_eval_threshold (unit_id, min_investment_per_mu, min_tax_per_mu, max_energy_per_output, min_jobs,
    conditional_categories, required_before_signing)
VALUES (NULL, 200.00, 10.00, 0.5000, 50, 'REPORT_BOOK', FALSE),
 ((SELECT id FROM unit WHERE code = 'hualong'), 300.00, 15.00, 0.4000, 100, 'REPORT_BOOK', FALSE);

INSERT INTO service_material_list (project_id, version)
VALUES ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 1);
INSERT INTO service_project_material (project_id, name, status, commitment, promised_date, flagged_on, sort_order, updated_by)
VALUES ((SELECT id FROM project WHERE code = 'PY-2026-00001'), '项目备案申请表', 'DONE', NULL, NULL, NULL, 1, 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), '营业执照', 'SUBMITTED', NULL, NULL, NULL, 2, 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), '投资协议', 'DONE', NULL, NULL, NULL, 3, 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), '用地预审意见', 'MISSING_COMMITTED', '自然资源部门用地预审意见原件', CAST(CURRENT_DATE - INTERVAL '6' DAY AS DATE), CAST(CURRENT_DATE - INTERVAL '5' DAY AS DATE), 4, 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), '节能报告', 'MISSING_COMMITTED', '第三方机构出具的节能报告', CAST(CURRENT_DATE + INTERVAL '20' DAY AS DATE), NULL, 5, 'hualong');

INSERT INTO service_approval (project_id, kind, agency, agent, submitted, limit_days, approved, created_by)
VALUES ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'PROJECT_FILING', '华龙区发展和改革委员会', '刘洋', DATE '2025-09-22', 5, DATE '2025-09-25', 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'LAND', '濮阳市自然资源和规划局', '刘洋', DATE '2025-10-08', 20, DATE '2025-11-20', 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'PLANNING', '濮阳市自然资源和规划局', '刘洋', DATE '2025-11-25', 20, DATE '2025-12-12', 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'ENVIRONMENTAL', '濮阳市生态环境局华龙分局', '刘洋', DATE '2025-12-01', 30, DATE '2026-01-05', 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'CONSTRUCTION_PERMIT', '华龙区住房和城乡建设局', '刘洋', DATE '2026-01-20', 15, DATE '2026-03-02', 'hualong'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 'FIRE', '华龙区住房和城乡建设局', '刘洋', CAST(CURRENT_DATE - INTERVAL '40' DAY AS DATE), 15, NULL, 'hualong');

INSERT INTO service_eval_input (project_id, energy_tce, env_category)
VALUES ((SELECT id FROM project WHERE code = 'PY-2026-00001'), 9000.00, 'REPORT_FORM');
