-- Demo county positioning (issue 12): each county and zone of DESIGN §7 with its leading chains and capacity.
INSERT INTO unit_positioning (unit_id, net_land_mu, factory_m2, parks, updated_by) VALUES
 ((SELECT id FROM unit WHERE code = 'hualong'), 320, 85000, '华龙区产业集聚区、中原油田科技园', 'demo'),
 ((SELECT id FROM unit WHERE code = 'puyang'), 1800, 120000, '濮阳县产业集聚区、濮阳县化工园区', 'demo'),
 ((SELECT id FROM unit WHERE code = 'qingfeng'), 950, 160000, '清丰县产业集聚区（家居产业园）', 'demo'),
 ((SELECT id FROM unit WHERE code = 'nanle'), 1100, 90000, '南乐县产业集聚区（生物基材料产业园）', 'demo'),
 ((SELECT id FROM unit WHERE code = 'fanxian'), 1500, 60000, '范县新区化工园区', 'demo'),
 ((SELECT id FROM unit WHERE code = 'taiqian'), 700, 110000, '台前县产业集聚区（汽车零部件产业园）、羽绒产业园', 'demo'),
 ((SELECT id FROM unit WHERE code = 'etdz'), 2600, 240000, '濮阳经开区化工新材料园、装备制造园', 'demo'),
 ((SELECT id FROM unit WHERE code = 'park'), 1200, 70000, '濮阳工业园区化工园', 'demo'),
 ((SELECT id FROM unit WHERE code = 'demo-zone'), 600, 50000, '城乡一体化示范区现代服务业园区', 'demo');

INSERT INTO unit_positioning_chain (unit_id, chain_id, tier)
SELECT u.id, c.id, v.tier
FROM (VALUES
  ('hualong', 'culture-tourism', 'PRIMARY'), ('hualong', 'logistics', 'SECONDARY'), ('hualong', 'health', 'SECONDARY'),
  ('puyang', 'chemical', 'PRIMARY'), ('puyang', 'agriculture', 'PRIMARY'), ('puyang', 'green-food', 'SECONDARY'),
  ('qingfeng', 'smart-home', 'PRIMARY'), ('qingfeng', 'green-food', 'SECONDARY'),
  ('nanle', 'new-materials', 'PRIMARY'), ('nanle', 'agriculture', 'SECONDARY'), ('nanle', 'green-food', 'SECONDARY'),
  ('fanxian', 'chemical', 'PRIMARY'), ('fanxian', 'logistics', 'SECONDARY'),
  ('taiqian', 'equipment', 'PRIMARY'), ('taiqian', 'down', 'PRIMARY'),
  ('etdz', 'chemical', 'PRIMARY'), ('etdz', 'new-materials', 'PRIMARY'), ('etdz', 'equipment', 'SECONDARY'),
  ('park', 'chemical', 'PRIMARY'), ('park', 'new-materials', 'SECONDARY'),
  ('demo-zone', 'logistics', 'PRIMARY'), ('demo-zone', 'health', 'SECONDARY'), ('demo-zone', 'culture-tourism', 'SECONDARY')
) AS v (unit_code, chain_code, tier)
JOIN unit u ON u.code = v.unit_code
JOIN industry_chain c ON c.code = v.chain_code;
