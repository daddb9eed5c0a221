-- Demo data of the leaders' contact with their three projects (issue 13): 李明's meeting, visit and two problems,
-- one of them resolved.
INSERT INTO leader_contact (person_id, project_id, kind, contact_date, notes, resolution, resolved_on, created_by,
    updated_by) VALUES
 ((SELECT id FROM person WHERE name = '李明'), (SELECT id FROM project WHERE code = 'PY-2026-00017'), 'MEETING',
  DATE '2026-09-15', '召开项目推进会，明确签约前需完成的投资协议条款和时间表。', NULL, NULL, 'admin', 'admin'),
 ((SELECT id FROM person WHERE name = '李明'), (SELECT id FROM project WHERE code = 'PY-2026-00011'), 'VISIT',
  DATE '2026-10-10', '到项目施工现场查看进度，要求按期完成主体厂房建设。', NULL, NULL, 'admin', 'admin'),
 ((SELECT id FROM person WHERE name = '李明'), (SELECT id FROM project WHERE code = 'PY-2026-00015'), 'PROBLEM',
  DATE '2026-10-20', '施工许可办理材料不全，开工时间可能推迟。', '协调住建局容缺受理，施工许可已办结。', DATE '2026-11-05',
  'admin', 'admin'),
 ((SELECT id FROM person WHERE name = '李明'), (SELECT id FROM project WHERE code = 'PY-2026-00011'), 'PROBLEM',
  DATE '2026-11-20', '企业反映电力增容审批较慢，影响设备调试。', NULL, NULL, 'admin', 'admin');
