-- Talent directory sample (invented people; e-mail addresses on example domains). Loaded with the other demo data.

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('王立新', '石油化工、催化材料', '教授、博士生导师', '中国石油大学（北京）化学工程与环境学院', '北京', 'NATIVE', NULL, '中国工程院院士', '13801012345', 'wanglixin@example.edu.cn', 'wlx_cup', '濮阳县人，1982 年毕业于濮阳一中；多次来濮指导伴生气综合利用。', (SELECT id FROM unit WHERE code = 'city'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-05-12 10:20:00+08:00', TIMESTAMP WITH TIME ZONE '2026-05-12 10:20:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '王立新'), 0, '石油化工');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '王立新'), 1, '催化材料');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '王立新'), id FROM merchant WHERE name = '濮阳华油新能源有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '王立新'), id FROM project WHERE code = 'PY-2026-00027';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('李慧敏', '新材料、生物基材料、高分子材料', '研究员', '上海交通大学材料科学与工程学院', '上海', 'NATIVE', NULL, '国家级人才', '13916623871', 'lihuimin@example.edu.cn', 'lhm_sjtu', '牵线上海生源新材料在濮投资聚乳酸项目。', (SELECT id FROM unit WHERE code = 'etdz'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-06-02 09:15:00+08:00', TIMESTAMP WITH TIME ZONE '2026-06-02 09:15:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '李慧敏'), 0, '新材料');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '李慧敏'), 1, '生物基材料');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '李慧敏'), 2, '高分子材料');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '李慧敏'), id FROM merchant WHERE name = '上海生源新材料科技有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '李慧敏'), id FROM project WHERE code = 'PY-2026-00011';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('赵振华', '装备制造、石油装备', '教授', '郑州大学机械与动力工程学院', '郑州', 'WORKED_STUDIED', NULL, '省级人才', '13703710256', 'zhaozh@example.edu.cn', NULL, '曾在中原油田钻井工程技术研究院工作 12 年。', (SELECT id FROM unit WHERE code = 'hq-equip'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-04-18 15:40:00+08:00', TIMESTAMP WITH TIME ZONE '2026-04-18 15:40:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '赵振华'), 0, '装备制造');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '赵振华'), 1, '石油装备');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '赵振华'), id FROM merchant WHERE name = '濮阳豫北石油装备有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '赵振华'), id FROM project WHERE code = 'PY-2026-00030';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('陈思远', '氢能、燃料电池', '副院长、教授', '清华大学核能与新能源技术研究院', '北京', 'NATIVE', NULL, '国家级人才', '13911206678', 'chensy@example.edu.cn', 'csy_h2', '清丰县人，关注濮阳氢能产业链。', (SELECT id FROM unit WHERE code = 'city'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-06-20 11:00:00+08:00', TIMESTAMP WITH TIME ZONE '2026-06-20 11:00:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '陈思远'), 0, '氢能');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '陈思远'), 1, '燃料电池');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '陈思远'), id FROM merchant WHERE name = '北京氢沃能源装备有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '陈思远'), id FROM project WHERE code = 'PY-2026-00025';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('刘晓燕', '智能家居、工业设计', '副教授', '浙江大学工业设计系', '杭州', 'NATIVE', NULL, '省级人才', '13857150932', 'liuxy@example.edu.cn', 'lxy_design', '为清丰家居产业提供设计咨询。', (SELECT id FROM unit WHERE code = 'qingfeng'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-03-28 16:30:00+08:00', TIMESTAMP WITH TIME ZONE '2026-03-28 16:30:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '刘晓燕'), 0, '智能家居');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '刘晓燕'), 1, '工业设计');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '刘晓燕'), id FROM merchant WHERE name = '浙江森居智能家居有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '刘晓燕'), id FROM project WHERE code = 'PY-2026-00006';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('孙建军', '现代物流、冷链物流、供应链管理', '副总裁', '上海鲜达冷链物流有限公司', '上海', 'NATIVE', NULL, '行业领军人才', '13601785520', 'sunjj@example.com', 'sunjj_lengl', NULL, (SELECT id FROM unit WHERE code = 'hualong'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-02-11 10:05:00+08:00', TIMESTAMP WITH TIME ZONE '2026-02-11 10:05:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '孙建军'), 0, '现代物流');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '孙建军'), 1, '冷链物流');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '孙建军'), 2, '供应链管理');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '孙建军'), id FROM merchant WHERE name = '上海鲜达冷链物流有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '孙建军'), id FROM project WHERE code = 'PY-2026-00004';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('周文博', '半导体材料、电子化学品', '研究员', '中国科学院上海微系统与信息技术研究所', '上海', 'OTHER', '濮阳电子级化学品项目技术顾问', '国家级人才', '13817309642', 'zhouwb@example.ac.cn', NULL, NULL, (SELECT id FROM unit WHERE code = 'etdz'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-05-30 14:20:00+08:00', TIMESTAMP WITH TIME ZONE '2026-05-30 14:20:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '周文博'), 0, '半导体材料');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '周文博'), 1, '电子化学品');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '周文博'), id FROM merchant WHERE name = '苏州晶纯电子材料有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '周文博'), id FROM project WHERE code = 'PY-2026-00016';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '周文博'), id FROM project WHERE code = 'PY-2026-00031';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('郭春梅', '食品科学、农产品加工', '教授', '河南农业大学食品科学技术学院', '郑州', 'WORKED_STUDIED', NULL, '省级人才', '13598012736', 'guocm@example.edu.cn', 'gcm_food', '曾任濮阳市农业科学院副院长。', (SELECT id FROM unit WHERE code = 'nanle'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-01-22 09:45:00+08:00', TIMESTAMP WITH TIME ZONE '2026-01-22 09:45:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '郭春梅'), 0, '食品科学');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '郭春梅'), 1, '农产品加工');
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '郭春梅'), id FROM project WHERE code = 'PY-2026-00014';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '郭春梅'), id FROM project WHERE code = 'PY-2026-00024';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('黄志强', '羽绒及制品、纺织材料', '总工程师', '安徽鸿羽新材料有限公司', '六安', 'NATIVE', NULL, '行业领军人才', '13956420817', 'huangzq@example.com', 'hzq_down', '台前县人，熟悉羽绒水洗分拣工艺。', (SELECT id FROM unit WHERE code = 'taiqian'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-04-02 08:50:00+08:00', TIMESTAMP WITH TIME ZONE '2026-04-02 08:50:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '黄志强'), 0, '羽绒及制品');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '黄志强'), 1, '纺织材料');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '黄志强'), id FROM merchant WHERE name = '安徽鸿羽新材料有限公司';
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '黄志强'), id FROM merchant WHERE name = '台前县羽信羽绒制品有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '黄志强'), id FROM project WHERE code = 'PY-2026-00019';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('杨雪', '文化旅游、杂技艺术', '艺术总监', '北京华韵杂技艺术团', '北京', 'NATIVE', NULL, '市级人才', '13910257734', 'yangxue@example.com', 'yx_acrobatics', '濮阳杂技世家出身。', (SELECT id FROM unit WHERE code = 'puyang'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-03-09 13:10:00+08:00', TIMESTAMP WITH TIME ZONE '2026-03-09 13:10:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '杨雪'), 0, '文化旅游');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '杨雪'), 1, '杂技艺术');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '杨雪'), id FROM merchant WHERE name = '濮阳杂技文化传媒有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '杨雪'), id FROM project WHERE code = 'PY-2026-00039';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('马国栋', '精细化工、有机合成', '教授', '天津大学化工学院', '天津', 'WORKED_STUDIED', NULL, '国家级人才', '13820079315', 'magd@example.edu.cn', NULL, '早年在濮阳一家石化企业从事工艺研究。', (SELECT id FROM unit WHERE code = 'hq-chem'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-05-06 10:35:00+08:00', TIMESTAMP WITH TIME ZONE '2026-05-06 10:35:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '马国栋'), 0, '精细化工');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '马国栋'), 1, '有机合成');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '马国栋'), id FROM merchant WHERE name = '山东鲁源精细化工有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '马国栋'), id FROM project WHERE code = 'PY-2026-00017';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('徐丽娟', '医疗器械、生物医学工程', '研发总监', '德康医疗器械（濮阳）有限公司', '深圳', 'OTHER', '在濮投资企业研发负责人', NULL, '13760284419', 'xulj@example.com', 'xlj_med', NULL, (SELECT id FROM unit WHERE code = 'etdz'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-06-11 17:25:00+08:00', TIMESTAMP WITH TIME ZONE '2026-06-11 17:25:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '徐丽娟'), 0, '医疗器械');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '徐丽娟'), 1, '生物医学工程');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '徐丽娟'), id FROM merchant WHERE name = '德康医疗器械（濮阳）有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '徐丽娟'), id FROM project WHERE code = 'PY-2026-00040';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('韩冬', '现代农业、设施农业', '研究员', '中国农业科学院农业环境与可持续发展研究所', '北京', 'NATIVE', NULL, '国家级人才', '13601220458', 'handong@example.ac.cn', NULL, '范县人。', (SELECT id FROM unit WHERE code = 'fanxian'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-02-27 09:00:00+08:00', TIMESTAMP WITH TIME ZONE '2026-02-27 09:00:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '韩冬'), 0, '现代农业');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '韩冬'), 1, '设施农业');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '韩冬'), id FROM merchant WHERE name = '范县黄河农业开发有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '韩冬'), id FROM project WHERE code = 'PY-2026-00018';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('冯晓东', '数字经济、人工智能', '首席技术官', '深圳云启数字科技有限公司', '深圳', 'NATIVE', NULL, '深圳市高层次人才', '13923810576', 'fengxd@example.com', 'fxd_ai', NULL, (SELECT id FROM unit WHERE code = 'hualong'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-06-25 15:55:00+08:00', TIMESTAMP WITH TIME ZONE '2026-06-25 15:55:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '冯晓东'), 0, '数字经济');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '冯晓东'), 1, '人工智能');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '冯晓东'), id FROM merchant WHERE name = '深圳云启数字科技有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '冯晓东'), id FROM project WHERE code = 'PY-2026-00002';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('张海鹰', '新能源材料、锂电池', '教授', '南京大学现代工程与应用科学学院', '南京', 'WORKED_STUDIED', NULL, '中国科学院院士', '13851702269', 'zhanghy@example.edu.cn', NULL, '高中就读于濮阳市第一高级中学。', (SELECT id FROM unit WHERE code = 'city'), TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-05-19 11:40:00+08:00', TIMESTAMP WITH TIME ZONE '2026-05-19 11:40:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '张海鹰'), 0, '新能源材料');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '张海鹰'), 1, '锂电池');
INSERT INTO talent_merchant (talent_id, merchant_id) SELECT (SELECT id FROM talent WHERE name = '张海鹰'), id FROM merchant WHERE name = '濮阳新锂科技有限公司';
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '张海鹰'), id FROM project WHERE code = 'PY-2026-00028';

INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level, phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
 VALUES ('白静', '康养、健康管理', '主任医师', '郑州大学第一附属医院', '郑州', 'NATIVE', NULL, '省级人才', '13783610948', 'baijing@example.com', NULL, '本人已表示暂不参与，停用。', (SELECT id FROM unit WHERE code = 'demo-zone'), FALSE, 0, TIMESTAMP WITH TIME ZONE '2026-01-15 10:00:00+08:00', TIMESTAMP WITH TIME ZONE '2026-01-15 10:00:00+08:00');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '白静'), 0, '康养');
INSERT INTO talent_field (talent_id, position, field) VALUES ((SELECT id FROM talent WHERE name = '白静'), 1, '健康管理');
INSERT INTO talent_project (talent_id, project_id) SELECT (SELECT id FROM talent WHERE name = '白静'), id FROM project WHERE code = 'PY-2026-00036';
