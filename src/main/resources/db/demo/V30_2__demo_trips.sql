-- Demo (issue 13): people in each position the clause XV rules count, two outbound trips of November 2026 and the
-- three projects of the city leader 李明.
UPDATE person SET position = 'CITY_LEADER' WHERE name = '李明';
UPDATE person SET position = 'COUNTY_PRINCIPAL' WHERE name = '王强';
UPDATE person SET position = 'DEPARTMENT_CADRE' WHERE name = '赵建国';
UPDATE person SET position = 'TEAM_HEAD' WHERE name = '黄磊';
INSERT INTO person (unit_id, name, kind, title, phone, position) VALUES
 ((SELECT id FROM unit WHERE code = 'hq-chem'), '高云飞', 'LEADER', '化工产业招商指挥部指挥长', '0393-8990201', 'HQ_COMMANDER'),
 ((SELECT id FROM unit WHERE code = 'ndrc'), '钱立群', 'LEADER', '市发改委主任（化工指挥部成员单位）', '0393-8990301', 'HQ_MEMBER_PRINCIPAL');

INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, report, status, reviewed_by, reviewed_at, created_by)
VALUES ((SELECT id FROM unit WHERE code = 'hq-chem'), DATE '2026-11-10', DATE '2026-11-12', '上海市',
  '拜访化工新材料企业，推介濮阳化工产业园', '与两家企业高层座谈，一家有意来濮考察。', 'APPROVED', 'city',
  TIMESTAMP WITH TIME ZONE '2026-11-13 10:00:00+08:00', 'city');
INSERT INTO trip_person (trip_id, person_id, role) VALUES
 ((SELECT MAX(id) FROM trip), (SELECT id FROM person WHERE name = '高云飞'), 'LEADER'),
 ((SELECT MAX(id) FROM trip), (SELECT id FROM person WHERE name = '周敏'), 'STAFF');
INSERT INTO trip_merchant (trip_id, merchant_id)
SELECT (SELECT MAX(id) FROM trip), id FROM merchant WHERE name = '上海生源新材料科技有限公司';

INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, report, status, created_by)
VALUES ((SELECT id FROM unit WHERE code = 'hualong'), DATE '2026-11-18', DATE '2026-11-20', '深圳市',
  '对接电子信息和智能家居企业', '走访三家企业，形成一条线索。', 'SUBMITTED', 'hualong');
INSERT INTO trip_person (trip_id, person_id, role) VALUES
 ((SELECT MAX(id) FROM trip), (SELECT id FROM person WHERE name = '王强'), 'LEADER'),
 ((SELECT MAX(id) FROM trip), (SELECT id FROM person WHERE name = '刘洋'), 'STAFF');

INSERT INTO leader_slot (person_id, slot, project_id, since, updated_by) VALUES
 ((SELECT id FROM person WHERE name = '李明'), 'NEGOTIATING', (SELECT id FROM project WHERE code = 'PY-2026-00017'), DATE '2026-09-01', 'admin'),
 ((SELECT id FROM person WHERE name = '李明'), 'SIGNED', (SELECT id FROM project WHERE code = 'PY-2026-00015'), DATE '2026-09-01', 'admin'),
 ((SELECT id FROM person WHERE name = '李明'), 'COMMENCED', (SELECT id FROM project WHERE code = 'PY-2026-00011'), DATE '2026-09-01', 'admin');
