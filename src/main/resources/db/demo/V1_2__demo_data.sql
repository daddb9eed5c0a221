-- Puyang sample configuration (DESIGN §7). Loaded only into an empty embedded (H2) database, or when
-- zhaoshang.demo-data=true. Every row is ordinary data: edit or deactivate it in the admin pages.
-- All demo accounts have the password Demo@2026.

INSERT INTO unit (code, name, short_name, type, parent_id, sort_order) VALUES
 ('gov', '濮阳市人民政府', '市政府', 'GOVERNMENT', NULL, 0);
INSERT INTO unit (code, name, short_name, type, parent_id, sort_order) VALUES
 ('city', '濮阳市商务局', '市商务局', 'CITY_BUREAU', (SELECT id FROM unit WHERE code = 'gov'), 10),
 ('ndrc', '濮阳市发展和改革委员会', '市发改委', 'DEPARTMENT', (SELECT id FROM unit WHERE code = 'gov'), 20),
 ('miit', '濮阳市工业和信息化局', '市工信局', 'DEPARTMENT', (SELECT id FROM unit WHERE code = 'gov'), 21),
 ('hualong', '华龙区', '华龙区', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 30),
 ('puyang', '濮阳县', '濮阳县', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 31),
 ('qingfeng', '清丰县', '清丰县', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 32),
 ('nanle', '南乐县', '南乐县', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 33),
 ('fanxian', '范县', '范县', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 34),
 ('taiqian', '台前县', '台前县', 'COUNTY', (SELECT id FROM unit WHERE code = 'gov'), 35),
 ('etdz', '濮阳经济技术开发区', '开发区', 'ZONE', (SELECT id FROM unit WHERE code = 'gov'), 40),
 ('park', '濮阳工业园区', '工业园区', 'ZONE', (SELECT id FROM unit WHERE code = 'gov'), 41),
 ('demo-zone', '城乡一体化示范区', '示范区', 'ZONE', (SELECT id FROM unit WHERE code = 'gov'), 42),
 ('hq-chem', '化工产业招商指挥部', '化工指挥部', 'INDUSTRY_HQ', (SELECT id FROM unit WHERE code = 'gov'), 50),
 ('hq-equip', '装备制造产业招商指挥部', '装备指挥部', 'INDUSTRY_HQ', (SELECT id FROM unit WHERE code = 'gov'), 51),
 ('hq-home', '智能家居产业招商指挥部', '家居指挥部', 'INDUSTRY_HQ', (SELECT id FROM unit WHERE code = 'gov'), 52);
INSERT INTO unit (code, name, short_name, type, parent_id, region, sort_order) VALUES
 ('rt-yrd', '长三角驻地招商组', '长三角组', 'RESIDENT_TEAM', (SELECT id FROM unit WHERE code = 'city'), '长三角（上海、江苏、浙江、安徽）', 60),
 ('rt-jjj', '京津冀驻地招商组', '京津冀组', 'RESIDENT_TEAM', (SELECT id FROM unit WHERE code = 'city'), '京津冀（北京、天津、河北）', 61),
 ('rt-gba', '粤港澳大湾区驻地招商组', '大湾区组', 'RESIDENT_TEAM', (SELECT id FROM unit WHERE code = 'city'), '粤港澳大湾区', 62),
 ('rt-fujian', '闽东南驻地招商组', '闽东南组', 'RESIDENT_TEAM', (SELECT id FROM unit WHERE code = 'city'), '福建东南沿海', 63),
 ('rt-midwest', '中西部驻地招商组', '中西部组', 'RESIDENT_TEAM', (SELECT id FROM unit WHERE code = 'city'), '中西部地区', 64);
INSERT INTO unit (code, name, short_name, type, parent_id, sort_order) VALUES
 ('agent-zj', '濮阳市浙江商会', '浙江商会', 'INTERMEDIARY', (SELECT id FROM unit WHERE code = 'city'), 70),
 ('agent-consult', '河南中原招商咨询有限公司', '中原招商咨询', 'INTERMEDIARY', (SELECT id FROM unit WHERE code = 'city'), 71);

INSERT INTO person (unit_id, name, kind, title, phone) VALUES
 ((SELECT id FROM unit WHERE code = 'gov'), '李明', 'LEADER', '副市长', '0393-8990001'),
 ((SELECT id FROM unit WHERE code = 'city'), '赵建国', 'LEADER', '市商务局局长', '0393-8990101'),
 ((SELECT id FROM unit WHERE code = 'city'), '周敏', 'STAFF', '投资促进科科长', '0393-8990102'),
 ((SELECT id FROM unit WHERE code = 'hualong'), '王强', 'LEADER', '华龙区区长', '0393-8660001'),
 ((SELECT id FROM unit WHERE code = 'hualong'), '张伟', 'STAFF', '区商务局局长', '0393-8660101'),
 ((SELECT id FROM unit WHERE code = 'hualong'), '刘洋', 'STAFF', '招商专员', '0393-8660102'),
 ((SELECT id FROM unit WHERE code = 'qingfeng'), '孙丽', 'LEADER', '清丰县副县长', '0393-7220001'),
 ((SELECT id FROM unit WHERE code = 'qingfeng'), '陈静', 'STAFF', '县商务局副局长', '0393-7220101'),
 ((SELECT id FROM unit WHERE code = 'etdz'), '马超', 'STAFF', '开发区招商局局长', '0393-4410101'),
 ((SELECT id FROM unit WHERE code = 'rt-yrd'), '黄磊', 'STAFF', '长三角组组长', '021-61230001');

INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale) VALUES
 ('admin', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '系统管理员', 'ADMIN', (SELECT id FROM unit WHERE code = 'city'), 'zh-CN'),
 ('city', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '周敏', 'CITY_SUPERVISOR', (SELECT id FROM unit WHERE code = 'city'), 'zh-CN'),
 ('hualong', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '张伟', 'UNIT_MANAGER', (SELECT id FROM unit WHERE code = 'hualong'), 'zh-CN'),
 ('hualong.staff', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '刘洋', 'UNIT_STAFF', (SELECT id FROM unit WHERE code = 'hualong'), 'zh-CN'),
 ('qingfeng', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '陈静', 'UNIT_MANAGER', (SELECT id FROM unit WHERE code = 'qingfeng'), 'zh-CN'),
 ('leader', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '李明', 'LEADER', (SELECT id FROM unit WHERE code = 'gov'), 'zh-CN'),
 ('agent', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '浙江商会联络员', 'INTERMEDIARY', (SELECT id FROM unit WHERE code = 'agent-zj'), 'zh-CN'),
 ('viewer', '{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e', '观察员', 'VIEWER', (SELECT id FROM unit WHERE code = 'city'), 'zh-CN');
