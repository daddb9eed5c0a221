-- Demo: the people who have an account of their own (issue 8), so that notices about a project's leader or chief
-- attendant reach them and the leader's home page lists the projects they lead.
UPDATE person SET user_id = (SELECT id FROM app_user WHERE username = 'leader') WHERE name = '李明';
UPDATE person SET user_id = (SELECT id FROM app_user WHERE username = 'city') WHERE name = '周敏';
UPDATE person SET user_id = (SELECT id FROM app_user WHERE username = 'hualong') WHERE name = '张伟';
UPDATE person SET user_id = (SELECT id FROM app_user WHERE username = 'hualong.staff') WHERE name = '刘洋';
UPDATE person SET user_id = (SELECT id FROM app_user WHERE username = 'qingfeng') WHERE name = '陈静';
