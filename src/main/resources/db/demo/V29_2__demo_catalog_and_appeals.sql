-- Demo: promotion-project catalog (issue 12) and enterprise appeals (issue 14).
INSERT INTO catalog_project (name, name_en, description, description_en, chain_id, unit_id, location, land_mu,
    total_investment, investment_form, expected_returns, expected_returns_en, conditions, conditions_en, contact_unit,
    status, published_at, created_by)
SELECT '年产10万吨可降解材料项目', 'Biodegradable materials, 100,000 t a year',
    '依托濮阳石化产业基础，建设PBAT/PLA可降解材料生产线，配套改性及制品车间。',
    'A PBAT/PLA biodegradable materials line with compounding and product workshops, built on Puyang''s petrochemical base.',
    (SELECT id FROM industry_chain WHERE name = '化工'), (SELECT id FROM unit WHERE code = 'etdz'),
    '濮阳经济技术开发区化工园区', 300, 150000, 'JOINT_VENTURE', '年产值约25亿元，税收约1.5亿元',
    'Annual output about 2.5 bn CNY, tax about 150 m CNY', '净地，水电气路已通，蒸汽管网到边',
    'Serviced land; water, power, gas, roads and steam at the boundary', '濮阳经济技术开发区招商局',
    'PUBLISHED', CURRENT_TIMESTAMP, 'city'
WHERE EXISTS (SELECT 1 FROM unit WHERE code = 'etdz');

INSERT INTO catalog_project (name, name_en, description, description_en, chain_id, unit_id, location, land_mu,
    total_investment, investment_form, expected_returns, expected_returns_en, conditions, conditions_en, contact_unit,
    status, published_at, created_by)
SELECT '智能家居产业园标准化厂房项目', 'Smart-home industrial park, standard factories',
    '建设标准化厂房12万平方米，引进智能门锁、智能照明及家电配套企业。',
    '120,000 m² of standard factories for smart locks, smart lighting and appliance suppliers.',
    (SELECT id FROM industry_chain WHERE name = '智能家居'), (SELECT id FROM unit WHERE code = 'qingfeng'),
    '清丰县产业集聚区', 180, 60000, 'COOPERATION', '年产值约12亿元', 'Annual output about 1.2 bn CNY',
    '厂房可定制，前三年租金减半', 'Factories built to suit; half rent for the first three years', '清丰县商务局',
    'PUBLISHED', CURRENT_TIMESTAMP, 'city'
WHERE EXISTS (SELECT 1 FROM unit WHERE code = 'qingfeng');

INSERT INTO catalog_project (name, name_en, description, description_en, chain_id, unit_id, location, land_mu,
    total_investment, investment_form, expected_returns, expected_returns_en, conditions, conditions_en, contact_unit,
    status, published_at, created_by)
SELECT '羽绒精深加工及品牌服装项目', 'Down processing and branded garments',
    '建设高端羽绒精深加工、羽绒服装设计与生产基地，打造区域品牌。',
    'High-end down processing and a down-garment design and production base building a regional brand.',
    (SELECT id FROM industry_chain WHERE name = '羽绒及制品'), (SELECT id FROM unit WHERE code = 'nanle'),
    '南乐县产业集聚区', 120, 35000, 'ANY', '年产值约8亿元，带动就业1500人',
    'Annual output about 800 m CNY, 1,500 jobs', '园区配套污水处理厂', 'Park wastewater treatment plant in place',
    '南乐县商务局', 'PUBLISHED', CURRENT_TIMESTAMP, 'city'
WHERE EXISTS (SELECT 1 FROM unit WHERE code = 'nanle');

INSERT INTO catalog_project (name, name_en, description, description_en, chain_id, unit_id, location, land_mu,
    total_investment, investment_form, contact_unit, status, created_by)
SELECT '冷链物流园项目', 'Cold-chain logistics park',
    '建设冷库、分拣中心及城配中心，服务豫鲁冀交界区域。',
    'Cold stores, a sorting centre and urban distribution serving the Henan-Shandong-Hebei border region.',
    (SELECT id FROM industry_chain WHERE name = '现代物流'), (SELECT id FROM unit WHERE code = 'hualong'),
    '华龙区物流园', 200, 80000, 'SOLE', '华龙区商务局', 'DRAFT', 'hualong'
WHERE EXISTS (SELECT 1 FROM unit WHERE code = 'hualong');

INSERT INTO appeal (tracking_no, channel, category, enterprise_name, contact_name, contact, content, status,
    assigned_unit_id, ack_due_at, due_at, created_by)
SELECT 'SQ-20261201-DEMO0001', 'MAYOR_HOTLINE', 'UTILITIES', '濮阳示范新材料有限公司', '张经理', '0393-0000001',
    '新厂区双回路供电迟迟未接通，影响设备调试。', 'ACKNOWLEDGED', (SELECT id FROM unit WHERE code = 'hualong'),
    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'city'
WHERE EXISTS (SELECT 1 FROM unit WHERE code = 'hualong');

INSERT INTO appeal (tracking_no, channel, category, enterprise_name, contact_name, contact, content, status,
    ack_due_at, due_at, created_by)
VALUES ('SQ-20261203-DEMO0002', 'ONLINE', 'APPROVAL', '清丰家居科技有限公司', '李女士', '13800000002',
    '施工许可证办理中消防设计审查材料被多次退回，请协调。', 'RECEIVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, NULL);
