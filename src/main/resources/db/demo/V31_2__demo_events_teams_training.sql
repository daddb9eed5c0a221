-- Demo data of issue 13 (module activity): a signing ceremony of three demo projects (contracted 42,000 + 6,500 +
-- 9,800 = 58,300 万元), an expo and a cloud promotion; training sessions with demo people; a resident team's work
-- log; a joint government-enterprise team; a university cooperation. Portable SQL (H2 and PostgreSQL).

INSERT INTO activity_event (kind, name, start_date, end_date, place, online_link, organiser_unit_id, summary, created_by, updated_by) VALUES
 ('SIGNING_CEREMONY', '2026年濮阳市第三季度重点项目集中签约仪式', DATE '2026-09-18', DATE '2026-09-18', '濮阳市会展中心', NULL, (SELECT id FROM unit WHERE code = 'city'), '市委、市政府主要领导出席，集中签约文旅、电商和农产品加工项目。', 'city', 'city'),
 ('EXPO', '第十四届中国（河南）国际投资贸易洽谈会', DATE '2026-04-10', DATE '2026-04-12', '郑州国际会展中心', NULL, (SELECT id FROM unit WHERE code = 'city'), '濮阳市组团参会，设立城市展区。', 'city', 'city'),
 ('CLOUD_PROMOTION', '化工新材料产业链云招商推介会', DATE '2026-06-20', DATE '2026-06-20', NULL, 'https://live.example.org/puyang-chem', (SELECT id FROM unit WHERE code = 'hq-chem'), '线上推介濮阳化工新材料产业链。', 'city', 'city');

INSERT INTO activity_event_project (event_id, project_id)
SELECT e.id, p.id FROM activity_event e JOIN project p ON p.code IN ('PY-2026-00003', 'PY-2026-00005', 'PY-2026-00009')
WHERE e.name = '2026年濮阳市第三季度重点项目集中签约仪式';
INSERT INTO activity_event_project (event_id, project_id)
SELECT e.id, p.id FROM activity_event e JOIN project p ON p.code = 'PY-2026-00012'
WHERE e.name = '第十四届中国（河南）国际投资贸易洽谈会';
INSERT INTO activity_event_unit (event_id, unit_id)
SELECT e.id, u.id FROM activity_event e JOIN unit u ON u.code IN ('hualong', 'qingfeng')
WHERE e.name = '第十四届中国（河南）国际投资贸易洽谈会';
INSERT INTO activity_event_merchant (event_id, merchant_id)
SELECT e.id, m.id FROM activity_event e JOIN merchant m ON m.name IN ('深圳云启数字科技有限公司', '上海生源新材料科技有限公司')
WHERE e.name = '第十四届中国（河南）国际投资贸易洽谈会';
INSERT INTO activity_event_clue (event_id, clue_id)
SELECT e.id, c.id FROM activity_event e JOIN clue c ON c.title = '电子级化学品项目'
WHERE e.name = '化工新材料产业链云招商推介会';

INSERT INTO training_session (topic, kind, lecturer, session_date, hours, unit_id, place, created_by, updated_by) VALUES
 ('产业链招商与精准招商专题讲座', 'SPECIAL_LECTURE', '省商务厅 王处长', DATE '2026-05-15', 3.0, (SELECT id FROM unit WHERE code = 'city'), '市商务局三楼会议室', 'city', 'city'),
 ('华龙区招商引资典型案例分析', 'CASE_ANALYSIS', '张伟', DATE '2026-08-20', 2.0, (SELECT id FROM unit WHERE code = 'hualong'), '华龙区商务局', 'hualong', 'hualong');
INSERT INTO training_attendee (session_id, person_id)
SELECT t.id, p.id FROM training_session t JOIN person p ON p.name IN ('周敏', '张伟', '刘洋', '陈静', '马超')
WHERE t.topic = '产业链招商与精准招商专题讲座';
INSERT INTO training_attendee (session_id, person_id)
SELECT t.id, p.id FROM training_session t JOIN person p ON p.name IN ('张伟', '刘洋')
WHERE t.topic = '华龙区招商引资典型案例分析';

INSERT INTO team_log (unit_id, log_date, kind, merchant_id, text, clue_id, created_by, updated_by) VALUES
 ((SELECT id FROM unit WHERE code = 'rt-yrd'), DATE '2026-10-09', 'VISIT', (SELECT id FROM merchant WHERE name = '上海生源新材料科技有限公司'), '走访企业总部，介绍濮阳化工新材料产业基础和要素保障。', NULL, 'city', 'city'),
 ((SELECT id FROM unit WHERE code = 'rt-yrd'), DATE '2026-10-21', 'CONTACT', NULL, '与上海河南商会对接，约定 11 月组织会员企业赴濮考察。', NULL, 'city', 'city'),
 ((SELECT id FROM unit WHERE code = 'rt-yrd'), DATE '2026-11-03', 'CLUE', NULL, '获取电子级化学品项目线索，已录入线索库。', (SELECT MIN(id) FROM clue WHERE title = '电子级化学品项目'), 'city', 'city');

INSERT INTO joint_team (name, unit_id, cadre_person_id, enterprise_head, anchor_merchant_id, note, created_by, updated_by) VALUES
 ('化工新材料政企联合招商小分队', (SELECT id FROM unit WHERE code = 'city'), (SELECT MIN(id) FROM person WHERE name = '赵建国'), '陈国栋（链主企业董事长）', (SELECT id FROM merchant WHERE name = '上海生源新材料科技有限公司'), '围绕链主企业的原料和下游应用开展以商招商。', 'city', 'city');
INSERT INTO joint_team_target (team_id, merchant_id, direction)
SELECT j.id, m.id, 'DOWNSTREAM' FROM joint_team j JOIN merchant m ON m.name = '深圳云启数字科技有限公司'
WHERE j.name = '化工新材料政企联合招商小分队';

INSERT INTO research_cooperation (institution, project_name, status, unit_id, start_date, note, created_by, updated_by) VALUES
 ('中国石油大学（华东）', '石化催化材料中试基地共建', 'ONGOING', (SELECT id FROM unit WHERE code = 'city'), DATE '2026-03-01', '共建中试基地，企业出资、高校出技术。', 'city', 'city');
INSERT INTO research_cooperation_talent (cooperation_id, talent_id)
SELECT c.id, t.id FROM research_cooperation c JOIN talent t ON t.name = '王立新'
WHERE c.project_name = '石化催化材料中试基地共建';
