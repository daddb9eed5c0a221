-- Demo land and factories of issue 14 (module service): net land parcels (净地) and standard factories (标准化厂房)
-- in the parks of the counties and zones, so that a new user sees real-looking stock, matches on the project pages
-- and "land waits for projects". One parcel of 濮阳工业园区 is reserved for 高端装备产业园项目 (PY-2026-00032).
-- Dates relative to the day the database is created. Portable SQL (H2 and PostgreSQL).

INSERT INTO land_parcel (unit_id, name, park, location, area_mu, planned_use, water_ready, water_date, power_ready,
    power_date, gas_ready, gas_date, road_ready, road_date, price, status, note)
VALUES
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区东区1号地块', '濮阳工业园区化工园', '纬三路以北、经五路以东', 156.00, 'INDUSTRIAL', TRUE, DATE '2025-08-30', TRUE, DATE '2025-08-30', TRUE, DATE '2025-10-15', TRUE, DATE '2025-06-30', 19.50, 'AVAILABLE', '已完成土地征收和场地平整，控规为二类工业用地。'),
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区东区2号地块', '濮阳工业园区化工园', '纬三路以南、经六路以西', 88.50, 'INDUSTRIAL', TRUE, DATE '2025-11-20', TRUE, DATE '2025-11-20', FALSE, CAST(CURRENT_DATE + INTERVAL '60' DAY AS DATE), TRUE, DATE '2025-09-30', 19.50, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区北区5号地块', '濮阳工业园区装备制造片区', '北环路以南、经二路以东', 132.00, 'INDUSTRIAL', TRUE, DATE '2026-03-31', TRUE, DATE '2026-03-31', TRUE, DATE '2026-04-30', TRUE, DATE '2026-03-31', 18.00, 'RESERVED', '为高端装备产业园项目预留。'),
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区物流片区A地块', '濮阳工业园区物流片区', '106国道以西', 64.00, 'WAREHOUSE', TRUE, DATE '2025-05-31', TRUE, DATE '2025-05-31', FALSE, NULL, TRUE, DATE '2025-05-31', 16.00, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'hualong'), '华龙区产业集聚区B3地块', '华龙区产业集聚区', '绿城路与长庆路交叉口西南', 45.00, 'INDUSTRIAL', TRUE, DATE '2025-07-31', TRUE, DATE '2025-07-31', TRUE, DATE '2025-09-30', TRUE, DATE '2025-07-31', 28.00, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'hualong'), '中原油田科技园C1地块', '中原油田科技园', '大庆路以北', 32.60, 'COMMERCIAL', TRUE, DATE '2025-04-30', TRUE, DATE '2025-04-30', TRUE, DATE '2025-04-30', TRUE, DATE '2025-04-30', 45.00, 'AVAILABLE', '科研用地，适合研发中心和中试基地。'),
 ((SELECT id FROM unit WHERE code = 'etdz'), '经开区化工新材料园7号地块', '濮阳经开区化工新材料园', '化工四路以东', 210.00, 'INDUSTRIAL', TRUE, DATE '2025-06-30', TRUE, DATE '2025-06-30', TRUE, DATE '2025-08-31', TRUE, DATE '2025-06-30', 17.20, 'AVAILABLE', '园区管廊已通至地块边界，蒸汽可接入。'),
 ((SELECT id FROM unit WHERE code = 'etdz'), '经开区装备制造园12号地块', '濮阳经开区装备制造园', '昆吾路与濮上路交叉口', 118.00, 'INDUSTRIAL', TRUE, DATE '2026-01-15', TRUE, DATE '2026-01-15', FALSE, CAST(CURRENT_DATE + INTERVAL '45' DAY AS DATE), TRUE, DATE '2026-01-15', 18.60, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'puyang'), '濮阳县化工园区南区地块', '濮阳县化工园区', '濮台路以南', 180.00, 'INDUSTRIAL', TRUE, DATE '2025-10-31', TRUE, DATE '2025-10-31', TRUE, DATE '2025-12-31', FALSE, CAST(CURRENT_DATE + INTERVAL '90' DAY AS DATE), 15.80, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'qingfeng'), '清丰家居产业园6号地块', '清丰县产业集聚区（家居产业园）', '纬六路以北', 96.00, 'INDUSTRIAL', TRUE, DATE '2025-09-30', TRUE, DATE '2025-09-30', TRUE, DATE '2025-11-30', TRUE, DATE '2025-09-30', 14.50, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'nanle'), '南乐生物基材料产业园3号地块', '南乐县产业集聚区（生物基材料产业园）', '昌盛路以东', 120.00, 'INDUSTRIAL', TRUE, DATE '2025-12-31', TRUE, DATE '2025-12-31', TRUE, DATE '2026-02-28', TRUE, DATE '2025-12-31', 14.00, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'fanxian'), '范县新区化工园区2号地块', '范县新区化工园区', '滨河路以南', 150.00, 'INDUSTRIAL', TRUE, DATE '2026-02-28', FALSE, CAST(CURRENT_DATE + INTERVAL '30' DAY AS DATE), FALSE, NULL, TRUE, DATE '2026-02-28', 13.50, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'taiqian'), '台前汽车零部件产业园4号地块', '台前县产业集聚区（汽车零部件产业园）', '将军渡路以西', 75.00, 'INDUSTRIAL', TRUE, DATE '2025-08-31', TRUE, DATE '2025-08-31', TRUE, DATE '2025-10-31', TRUE, DATE '2025-08-31', 13.80, 'AVAILABLE', NULL);

UPDATE land_parcel SET project_id = (SELECT id FROM project WHERE code = 'PY-2026-00032'),
    reserved_on = CAST(CURRENT_DATE - INTERVAL '12' DAY AS DATE)
WHERE name = '工业园区北区5号地块';

INSERT INTO land_parcel_chain (parcel_id, chain_id)
SELECT l.id, c.id FROM land_parcel l, industry_chain c
WHERE (l.name IN ('工业园区东区1号地块', '工业园区东区2号地块', '经开区化工新材料园7号地块', '濮阳县化工园区南区地块',
        '范县新区化工园区2号地块') AND c.code IN ('chemical', 'new-materials'))
   OR (l.name IN ('工业园区北区5号地块', '经开区装备制造园12号地块', '台前汽车零部件产业园4号地块') AND c.code = 'equipment')
   OR (l.name = '工业园区物流片区A地块' AND c.code = 'logistics')
   OR (l.name = '清丰家居产业园6号地块' AND c.code = 'smart-home')
   OR (l.name = '南乐生物基材料产业园3号地块' AND c.code = 'new-materials');

INSERT INTO factory (unit_id, name, park, building, floor_area_m2, floors, floor_load, crane, crane_tons, rent, status,
    note)
VALUES
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区标准化厂房A区1号', '濮阳工业园区装备制造片区', '1号楼', 6200.00, 1, 50.00, TRUE, 10.00, 12.00, 'AVAILABLE', '单层钢结构，檐口高度12米，双跨各配10吨行车。'),
 ((SELECT id FROM unit WHERE code = 'park'), '工业园区标准化厂房A区3号', '濮阳工业园区装备制造片区', '3号楼', 4800.00, 3, 8.00, FALSE, NULL, 10.00, 'AVAILABLE', '多层厂房，配货梯两部，适合电子装配。'),
 ((SELECT id FROM unit WHERE code = 'hualong'), '华龙区科创园标准厂房', '华龙区产业集聚区', '5号楼', 3600.00, 4, 6.50, FALSE, NULL, 15.00, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'etdz'), '经开区装备制造园标准厂房B2', '濮阳经开区装备制造园', 'B2栋', 9000.00, 1, 60.00, TRUE, 20.00, 11.00, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'qingfeng'), '清丰家居产业园标准厂房', '清丰县产业集聚区（家居产业园）', '8号楼', 12000.00, 2, 10.00, FALSE, NULL, 8.00, 'AVAILABLE', '已配套喷涂车间环评。'),
 ((SELECT id FROM unit WHERE code = 'taiqian'), '台前汽车零部件标准厂房', '台前县产业集聚区（汽车零部件产业园）', '2号楼', 5400.00, 1, 30.00, TRUE, 5.00, 7.50, 'AVAILABLE', NULL),
 ((SELECT id FROM unit WHERE code = 'nanle'), '南乐生物基材料孵化厂房', '南乐县产业集聚区（生物基材料产业园）', '孵化楼', 2800.00, 2, 8.00, FALSE, NULL, 6.00, 'AVAILABLE', NULL);
