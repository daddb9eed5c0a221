-- Demo chains (issue 12): each of the ten chains of DESIGN §7 with a director (a city leader's person record), a
-- lead unit, a strategy, links from upstream to downstream with gap ratings, local enterprises, target enterprises
-- and a roadmap. Ordinary data: the city bureau edits all of it.
INSERT INTO person (unit_id, name, kind, title, phone) VALUES
 ((SELECT id FROM unit WHERE code = 'gov'), '王建华', 'LEADER', '副市长', '0393-8990002'),
 ((SELECT id FROM unit WHERE code = 'gov'), '陈卫东', 'LEADER', '市委常委、常务副市长', '0393-8990003'),
 ((SELECT id FROM unit WHERE code = 'gov'), '刘海燕', 'LEADER', '副市长', '0393-8990004'),
 ((SELECT id FROM unit WHERE code = 'gov'), '张志强', 'LEADER', '副市长', '0393-8990005'),
 ((SELECT id FROM unit WHERE code = 'gov'), '杨秀英', 'LEADER', '市人大常委会副主任', '0393-8990006');

UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '李明' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'hq-chem'), strategy = '以濮阳石化基地为依托，沿“原油/天然气→基础化工原料→精细化工→可降解材料/电子化学品”延链补链，重点引进央企、省企骨干项目和电子化学品龙头企业，推动化工产业高端化、绿色化。' WHERE code = 'chemical';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), '原油/天然气', 'UPSTREAM', 10, '原油、天然气、油田伴生气', '三次采油、CCUS 驱油、伴生气回收', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), '基础化工原料', 'MIDSTREAM', 20, '乙烯、丙烯、甲醇、合成氨、绿氢', '煤化工与绿氢耦合、轻烃裂解', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), '精细化工', 'MIDSTREAM', 30, '医药农药中间体、表面活性剂、特种助剂', '连续流微反应、催化加氢', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), '可降解材料', 'DOWNSTREAM', 40, '聚乳酸（PLA）、PBAT、PBS', '生物发酵制乳酸、丙交酯开环聚合', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), '电子化学品', 'DOWNSTREAM', 50, '电子级硫酸、电子特气、锂电电解液添加剂', '超净高纯提纯、痕量杂质检测', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '王建华' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'hq-equip'), strategy = '做强石油装备，培育氢能装备和智能制造成套装备，补齐基础零部件短板。' WHERE code = 'equipment';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), '基础零部件', 'UPSTREAM', 10, '精密轴承、齿轮、液压件', '精密锻造、热处理', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), '石油装备', 'MIDSTREAM', 20, '抽油机、钻采工具、井口装置', '智能采油、远程监控', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), '氢能装备', 'MIDSTREAM', 30, '电解槽、储氢瓶、加氢机', '碱性/PEM 电解、70MPa 储氢', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), '智能制造成套装备', 'DOWNSTREAM', 40, '工业机器人、智能仓储系统', '机器视觉、数字孪生', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '孙丽' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'hq-home'), strategy = '以清丰家居产业园为核心，补齐智能家居电子环节，延伸家居物流与卖场。' WHERE code = 'smart-home';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'smart-home'), '板材及五金', 'UPSTREAM', 10, '人造板、实木板材、五金配件', '无醛胶黏剂、表面处理', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'smart-home'), '实木及定制家具', 'MIDSTREAM', 20, '实木家具、全屋定制', '柔性生产线、设计软件', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'smart-home'), '智能家居电子', 'MIDSTREAM', 30, '智能锁、传感器、控制模组', '物联网通信、低功耗芯片', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'smart-home'), '家居物流与卖场', 'DOWNSTREAM', 40, '仓储分拨、家居卖场、直播电商', '智慧仓储', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '陈卫东' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'etdz'), strategy = '依托石化原料发展高端聚烯烃和生物基材料，突破半导体封装材料。' WHERE code = 'new-materials';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), '石化原料', 'UPSTREAM', 10, '乙烯、丙烯、碳四', '轻烃综合利用', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), '高端聚烯烃', 'MIDSTREAM', 20, '茂金属聚乙烯、聚丙烯专用料', '茂金属催化', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), '生物基材料', 'MIDSTREAM', 30, '聚乳酸、生物基纤维', '生物发酵', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), '半导体封装材料', 'DOWNSTREAM', 40, '环氧塑封料、键合丝', '高纯合成', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), '绿色建材', 'DOWNSTREAM', 50, '新型墙材、装配式构件', '固废资源化', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '刘海燕' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'nanle'), strategy = '建设优质原料基地，做强精深加工，延伸预制菜，补齐冷链配送。' WHERE code = 'green-food';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'green-food'), '优质原料基地', 'UPSTREAM', 10, '优质小麦、有机蔬菜、食用菌', '绿色种植', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'green-food'), '农产品精深加工', 'MIDSTREAM', 20, '面粉及制品、菌类制品', '低温萃取', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'green-food'), '预制菜', 'DOWNSTREAM', 30, '中式预制菜、中央厨房', '速冻锁鲜', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'green-food'), '冷链配送', 'DOWNSTREAM', 40, '冷链仓储、城市配送', '全程温控追溯', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '张志强' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'taiqian'), strategy = '巩固台前羽绒原料集散优势，强化水洗分拣，培育品牌与电商。' WHERE code = 'down';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'down'), '羽绒原料收购', 'UPSTREAM', 10, '鸭绒、鹅绒原料', '原料分级', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'down'), '水洗分拣', 'MIDSTREAM', 20, '水洗绒、检测', '节水洗涤、自动分拣', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'down'), '羽绒服装家纺', 'DOWNSTREAM', 30, '羽绒服、羽绒被', '智能裁剪充绒', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'down'), '品牌与电商', 'DOWNSTREAM', 40, '自主品牌、直播电商', '数字营销', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '王强' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'hualong'), strategy = '打造豫鲁冀省际物流枢纽，补齐多式联运，延伸冷链物流。' WHERE code = 'logistics';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'logistics'), '物流园区与枢纽', 'UPSTREAM', 10, '公路港、物流园', '智慧园区', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'logistics'), '多式联运', 'MIDSTREAM', 20, '铁公联运、集装箱场站', '联运信息平台', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'logistics'), '冷链物流', 'MIDSTREAM', 30, '冷库、冷链车队', '温控追溯', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'logistics'), '电商快递配送', 'DOWNSTREAM', 40, '快递分拨、末端配送', '智能分拣', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '杨秀英' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'puyang'), strategy = '挖掘杂技、龙文化和黄河文化资源，补齐文创产品。' WHERE code = 'culture-tourism';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'culture-tourism'), '文化资源', 'UPSTREAM', 10, '杂技、龙文化、黄河文化', '数字化保护', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'culture-tourism'), '景区开发', 'MIDSTREAM', 20, '文旅街区、生态景区', '沉浸式体验', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'culture-tourism'), '文创产品', 'DOWNSTREAM', 30, '文创商品、演艺', '文化 IP 授权', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'culture-tourism'), '旅游服务', 'DOWNSTREAM', 40, '酒店、研学、旅行社', '智慧旅游', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '刘海燕' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'demo-zone'), strategy = '补齐医疗器械，做强康复护理，延伸康养综合体。' WHERE code = 'health';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'health'), '医疗器械', 'UPSTREAM', 10, '康复器械、医用耗材', '精密加工、生物相容材料', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'health'), '康复护理', 'MIDSTREAM', 20, '康复医院、护理机构', '医养结合', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'health'), '康养综合体', 'DOWNSTREAM', 30, '康养社区、养老公寓', '智慧养老', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'health'), '温泉度假', 'DOWNSTREAM', 40, '温泉酒店、度假小镇', '地热综合利用', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE industry_chain SET director_person_id = (SELECT MIN(id) FROM person WHERE name = '张志强' AND kind = 'LEADER'), lead_unit_id = (SELECT id FROM unit WHERE code = 'fanxian'), strategy = '补齐种业，强化农业科技服务，延伸农产品电商。' WHERE code = 'agriculture';
INSERT INTO chain_link (chain_id, name, link_position, sort_order, products, technologies, gap, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'agriculture'), '种业', 'UPSTREAM', 10, '小麦、玉米良种', '生物育种', 'FILL', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'agriculture'), '高效种植', 'MIDSTREAM', 20, '设施蔬菜、黄河滩区高效农业', '水肥一体化', 'NONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'agriculture'), '农业科技服务', 'MIDSTREAM', 30, '农机服务、植保', '北斗农机、无人机植保', 'STRENGTHEN', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'agriculture'), '农产品电商', 'DOWNSTREAM', 40, '直播电商、社区团购', '产地仓', 'EXTEND', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO chain_local_enterprise (link_id, merchant_id, strength, leading_firm, central_soe, provincial_soe, backbone_affiliate, note, version, created_at, updated_at) VALUES
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '原油/天然气'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳华油新能源有限公司'), 'STRONG', FALSE, FALSE, FALSE, TRUE, '中原油田配套企业，伴生气资源稳定', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '基础化工原料'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳华源聚烯烃新材料有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '精细化工'), (SELECT MIN(id) FROM merchant WHERE name = '山东鲁源精细化工有限公司'), 'WEAK', FALSE, FALSE, FALSE, FALSE, '中间体品种少，规模小', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '可降解材料'), (SELECT MIN(id) FROM merchant WHERE name = '河南绿塑新材料科技有限公司'), 'AVERAGE', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '电子化学品'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳新锂科技有限公司'), 'WEAK', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '电子化学品'), (SELECT MIN(id) FROM merchant WHERE name = '新加坡博远化学（濮阳）有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'equipment' AND l.name = '石油装备'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳豫北石油装备有限公司'), 'STRONG', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'equipment' AND l.name = '基础零部件'), (SELECT MIN(id) FROM merchant WHERE name = '大和精密轴承（濮阳）有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'equipment' AND l.name = '基础零部件'), (SELECT MIN(id) FROM merchant WHERE name = '台前县众诚汽车零部件有限公司'), 'WEAK', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'smart-home' AND l.name = '实木及定制家具'), (SELECT MIN(id) FROM merchant WHERE name = '清丰县恒润家具有限公司'), 'STRONG', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'smart-home' AND l.name = '家居物流与卖场'), (SELECT MIN(id) FROM merchant WHERE name = '清丰县家运通物流有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'new-materials' AND l.name = '高端聚烯烃'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳华源聚烯烃新材料有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'new-materials' AND l.name = '绿色建材'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳宏建新型建材有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'green-food' AND l.name = '农产品精深加工'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳县丰谷食品有限公司'), 'STRONG', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'green-food' AND l.name = '优质原料基地'), (SELECT MIN(id) FROM merchant WHERE name = '南乐县绿禾农业发展有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'down' AND l.name = '羽绒原料收购'), (SELECT MIN(id) FROM merchant WHERE name = '台前县羽信羽绒制品有限公司'), 'STRONG', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'logistics' AND l.name = '物流园区与枢纽'), (SELECT MIN(id) FROM merchant WHERE name = '河南豫通供应链管理有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'culture-tourism' AND l.name = '文化资源'), (SELECT MIN(id) FROM merchant WHERE name = '濮阳杂技文化传媒有限公司'), 'STRONG', TRUE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'agriculture' AND l.name = '高效种植'), (SELECT MIN(id) FROM merchant WHERE name = '范县黄河农业开发有限公司'), 'AVERAGE', FALSE, FALSE, FALSE, FALSE, NULL, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, tracker_person_id, status, leading_firm, central_soe, provincial_soe, backbone_affiliate, version, created_by, created_at, updated_at) VALUES
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '基础化工原料'), (SELECT MIN(id) FROM merchant WHERE name = '中能华豫清洁能源有限公司'), 'HIGH', '央企二级子公司，绿氢耦合煤化工可补强基础原料环节', (SELECT id FROM unit WHERE code = 'hq-chem'), (SELECT MIN(id) FROM person WHERE name = '周敏'), 'NEGOTIATING', TRUE, TRUE, FALSE, TRUE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '精细化工'), (SELECT MIN(id) FROM merchant WHERE name = '海森化学集团'), 'HIGH', '全球前列的精细化工企业，可带动医药农药中间体集群', (SELECT id FROM unit WHERE code = 'rt-yrd'), NULL, 'CONTACTED', TRUE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '可降解材料'), (SELECT MIN(id) FROM merchant WHERE name = '河南投资集团豫能新材料有限公司'), 'MEDIUM', '省企，拟布局 PBAT 项目', (SELECT id FROM unit WHERE code = 'hq-chem'), (SELECT MIN(id) FROM person WHERE name = '周敏'), 'IDENTIFIED', FALSE, FALSE, TRUE, TRUE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'chemical' AND l.name = '电子化学品'), (SELECT MIN(id) FROM merchant WHERE name = '苏州晶纯电子材料有限公司'), 'HIGH', '电子级化学品头部企业，已签约落地', (SELECT id FROM unit WHERE code = 'etdz'), NULL, 'LANDED', TRUE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'new-materials' AND l.name = '生物基材料'), (SELECT MIN(id) FROM merchant WHERE name = '上海生源新材料科技有限公司'), 'HIGH', '生物基聚乳酸技术领先', (SELECT id FROM unit WHERE code = 'etdz'), NULL, 'NEGOTIATING', TRUE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'new-materials' AND l.name = '半导体封装材料'), (SELECT MIN(id) FROM merchant WHERE name = '香港鼎晟半导体材料有限公司'), 'MEDIUM', '封装材料补链', (SELECT id FROM unit WHERE code = 'rt-gba'), NULL, 'CONTACTED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'equipment' AND l.name = '氢能装备'), (SELECT MIN(id) FROM merchant WHERE name = '北京氢沃能源装备有限公司'), 'HIGH', '电解槽整机企业', (SELECT id FROM unit WHERE code = 'rt-jjj'), NULL, 'NEGOTIATING', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'equipment' AND l.name = '智能制造成套装备'), (SELECT MIN(id) FROM merchant WHERE name = '杭州仓擎智能科技有限公司'), 'MEDIUM', '智能仓储机器人', (SELECT id FROM unit WHERE code = 'rt-yrd'), NULL, 'IDENTIFIED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'smart-home' AND l.name = '智能家居电子'), (SELECT MIN(id) FROM merchant WHERE name = '浙江森居智能家居有限公司'), 'HIGH', '智能定制家居龙头', (SELECT id FROM unit WHERE code = 'rt-yrd'), NULL, 'NEGOTIATING', TRUE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'smart-home' AND l.name = '板材及五金'), (SELECT MIN(id) FROM merchant WHERE name = '广东佳美五金制品有限公司'), 'MEDIUM', '五金配件配套', (SELECT id FROM unit WHERE code = 'rt-gba'), NULL, 'CONTACTED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'green-food' AND l.name = '预制菜'), (SELECT MIN(id) FROM merchant WHERE name = '河南味之源食品有限公司'), 'MEDIUM', '预制菜中央厨房', (SELECT id FROM unit WHERE code = 'nanle'), NULL, 'NEGOTIATING', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'green-food' AND l.name = '冷链配送'), (SELECT MIN(id) FROM merchant WHERE name = '上海鲜达冷链物流有限公司'), 'HIGH', '冷链配送网络', (SELECT id FROM unit WHERE code = 'rt-yrd'), NULL, 'CONTACTED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'down' AND l.name = '水洗分拣'), (SELECT MIN(id) FROM merchant WHERE name = '安徽鸿羽新材料有限公司'), 'HIGH', '水洗分拣检测一体化', (SELECT id FROM unit WHERE code = 'taiqian'), NULL, 'NEGOTIATING', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'down' AND l.name = '羽绒服装家纺'), (SELECT MIN(id) FROM merchant WHERE name = '江苏梦羽家纺有限公司'), 'MEDIUM', '家纺品牌企业', (SELECT id FROM unit WHERE code = 'rt-yrd'), NULL, 'IDENTIFIED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'logistics' AND l.name = '多式联运'), (SELECT MIN(id) FROM merchant WHERE name = '河南交投物流集团有限公司'), 'HIGH', '省企，多式联运和公路港运营', (SELECT id FROM unit WHERE code = 'hualong'), NULL, 'CONTACTED', FALSE, FALSE, TRUE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'culture-tourism' AND l.name = '景区开发'), (SELECT MIN(id) FROM merchant WHERE name = '河南中原文旅发展集团有限公司'), 'MEDIUM', '省级文旅平台', (SELECT id FROM unit WHERE code = 'city'), (SELECT MIN(id) FROM person WHERE name = '周敏'), 'NEGOTIATING', FALSE, FALSE, TRUE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'health' AND l.name = '医疗器械'), (SELECT MIN(id) FROM merchant WHERE name = '德康医疗器械（濮阳）有限公司'), 'HIGH', '补齐医疗器械环节', (SELECT id FROM unit WHERE code = 'demo-zone'), NULL, 'NEGOTIATING', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'health' AND l.name = '康养综合体'), (SELECT MIN(id) FROM merchant WHERE name = '河南颐和康养产业集团有限公司'), 'MEDIUM', '康养综合体运营', (SELECT id FROM unit WHERE code = 'demo-zone'), NULL, 'CONTACTED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT l.id FROM chain_link l JOIN industry_chain c ON c.id = l.chain_id WHERE c.code = 'agriculture' AND l.name = '种业'), (SELECT MIN(id) FROM merchant WHERE name = '马来西亚侨丰集团有限公司'), 'MEDIUM', '侨资农业企业，有意布局种业', (SELECT id FROM unit WHERE code = 'rt-fujian'), NULL, 'IDENTIFIED', FALSE, FALSE, FALSE, FALSE, 0, 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Each target that already led to a project of its enterprise is linked to it.
INSERT INTO chain_target_record (target_id, kind, record_id)
 SELECT t.id, 'project', p.id FROM chain_target t JOIN project p ON p.merchant_id = t.merchant_id;
INSERT INTO chain_target_record (target_id, kind, record_id)
 SELECT t.id, 'clue', c.id FROM chain_target t JOIN clue c ON c.merchant_id = t.merchant_id;

INSERT INTO chain_milestone (chain_id, plan_year, text, status, version, created_at, updated_at) VALUES
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), 2025, '建成伴生气综合利用制氢项目，基础原料环节补强', 'DONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), 2026, '引进 2 家电子化学品企业，可降解材料产能达 20 万吨', 'ON_TRACK', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), 2027, '精细化工园区扩区，引进医药农药中间体龙头 1 家', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'chemical'), 2028, '化工产业链产值突破 1500 亿元', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), 2026, '氢能装备产业园一期投产', 'LATE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'equipment'), 2027, '引进智能制造成套装备企业 3 家', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'smart-home'), 2026, '清丰家居产业园智能家居电子项目签约', 'ON_TRACK', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'new-materials'), 2026, '生物基聚乳酸项目开工', 'ON_TRACK', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'green-food'), 2026, '预制菜产业园投产', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'down'), 2026, '羽绒水洗分拣检测中心建成', 'ON_TRACK', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'logistics'), 2026, '多式联运场站开工', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'culture-tourism'), 2026, '戚城文化旅游街区开街', 'DONE', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'health'), 2026, '康养综合体一期开工', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ((SELECT id FROM industry_chain WHERE code = 'agriculture'), 2026, '引进种业企业 1 家', 'PLANNED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- 清丰县 keeps the smart-home chain (its leading industry) as the chain's editor.
INSERT INTO chain_editor (chain_id, user_id) VALUES ((SELECT id FROM industry_chain WHERE code = 'smart-home'), (SELECT id FROM app_user WHERE username = 'qingfeng'));
