-- Demo data of the partner module (issue 13): an entrustment agreement with 濮阳市浙江商会 (unit agent-zj of the demo
-- units) with two reward rules, and two consultants.
INSERT INTO partner_agreement (intermediary_unit_id, title, valid_from, valid_to, scope_chains, scope_regions,
    financial_support, note, created_by, updated_by)
VALUES ((SELECT id FROM unit WHERE code = 'agent-zj'), '濮阳市浙江商会委托招商协议', DATE '2026-01-01', DATE '2027-12-31',
    '新材料、智能家居', '浙江省、长三角', '每年工作经费 5 万元', '由市商务局与浙江商会签订', 'admin', 'admin');
INSERT INTO partner_reward_rule (agreement_id, sort_order, stage, percent_of_funds, fixed_amount, cap)
VALUES ((SELECT id FROM partner_agreement WHERE title = '濮阳市浙江商会委托招商协议'), 1, 'SIGNED', NULL, 10000.00, NULL);
INSERT INTO partner_reward_rule (agreement_id, sort_order, stage, percent_of_funds, fixed_amount, cap)
VALUES ((SELECT id FROM partner_agreement WHERE title = '濮阳市浙江商会委托招商协议'), 2, 'COMMENCED', 0.5000, NULL, 200000.00);

INSERT INTO partner_consultant (name, kind, title, fields, valid_from, valid_to, created_by, updated_by)
VALUES ('王建国', 'NATIVE', '深圳濮阳商会名誉会长', '电子信息、供应链', DATE '2026-01-01', DATE '2028-12-31', 'admin', 'admin');
INSERT INTO partner_consultant (name, kind, title, fields, valid_from, valid_to, created_by, updated_by)
VALUES ('李敏', 'EXPERT', '化工新材料研究院研究员', '化工、新材料', DATE '2026-03-01', DATE '2027-02-28', 'admin', 'admin');
