-- Demo enterprise service days (企业服务日, issue 14): 濮阳工业园区 and 华龙区 met their enterprises with the leaders;
-- the problems collected, each with the department that owns it. Portable SQL (H2 and PostgreSQL).

INSERT INTO service_day (unit_id, day_date, title, created_by)
VALUES ((SELECT id FROM unit WHERE code = 'park'), CAST(CURRENT_DATE - INTERVAL '20' DAY AS DATE), '工业园区装备制造企业服务日', 'city'),
 ((SELECT id FROM unit WHERE code = 'hualong'), CAST(CURRENT_DATE - INTERVAL '48' DAY AS DATE), '华龙区重点项目企业服务日', 'hualong');

INSERT INTO service_day_leader (day_id, person_id)
SELECT d.id, p.id FROM service_day d, person p
WHERE (d.title = '工业园区装备制造企业服务日' AND p.kind = 'LEADER' AND p.name IN ('李明', '曹永胜'))
   OR (d.title = '华龙区重点项目企业服务日' AND p.kind = 'LEADER' AND p.name IN ('赵建国', '王强'));

INSERT INTO service_day_enterprise (day_id, merchant_id)
SELECT d.id, MIN(m.id) FROM service_day d, merchant m
WHERE (d.title = '工业园区装备制造企业服务日' AND m.name IN ('河南豫工重型装备有限公司', '杭州仓擎智能科技有限公司', '大和精密轴承（濮阳）有限公司'))
   OR (d.title = '华龙区重点项目企业服务日' AND m.name IN ('河南豫通供应链管理有限公司', '深圳云启数字科技有限公司'))
GROUP BY d.id, m.name;

INSERT INTO service_day_problem (day_id, merchant_id, content, owner)
VALUES ((SELECT id FROM service_day WHERE title = '工业园区装备制造企业服务日'), (SELECT MIN(id) FROM merchant WHERE name = '河南豫工重型装备有限公司'), '联合厂房施工用电需临时增容至2000千伏安，供电公司尚未排期。', '国网濮阳供电公司'),
 ((SELECT id FROM service_day WHERE title = '工业园区装备制造企业服务日'), (SELECT MIN(id) FROM merchant WHERE name = '杭州仓擎智能科技有限公司'), '研发人员子女入学需协调园区周边学校学位。', '濮阳市教育局'),
 ((SELECT id FROM service_day WHERE title = '工业园区装备制造企业服务日'), (SELECT MIN(id) FROM merchant WHERE name = '大和精密轴承（濮阳）有限公司'), '进口设备报关需要海关提前对接。', '濮阳海关'),
 ((SELECT id FROM service_day WHERE title = '华龙区重点项目企业服务日'), (SELECT MIN(id) FROM merchant WHERE name = '河南豫通供应链管理有限公司'), '冷链仓库消防验收排队时间较长。', '华龙区住房和城乡建设局'),
 ((SELECT id FROM service_day WHERE title = '华龙区重点项目企业服务日'), NULL, '园区道路夜间照明不足，影响货车通行。', '华龙区城市管理局');

-- Approvals of 高端装备产业园项目 (濮阳工业园区), so that the median days per kind compare two units.
INSERT INTO service_approval (project_id, kind, agency, agent, submitted, limit_days, approved, created_by)
VALUES ((SELECT id FROM project WHERE code = 'PY-2026-00032'), 'PROJECT_FILING', '濮阳工业园区经济发展局', '任佳', DATE '2026-03-02', 5, DATE '2026-03-04', 'city'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00032'), 'LAND', '濮阳市自然资源和规划局', '任佳', DATE '2026-03-10', 20, DATE '2026-04-08', 'city'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00032'), 'PLANNING', '濮阳市自然资源和规划局', '任佳', DATE '2026-04-12', 20, DATE '2026-04-30', 'city'),
 ((SELECT id FROM project WHERE code = 'PY-2026-00032'), 'CONSTRUCTION_PERMIT', '濮阳工业园区建设局', '任佳', DATE '2026-05-06', 15, DATE '2026-05-20', 'city');
