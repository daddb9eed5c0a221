-- Weekly dynamics (issue 11) list the leaders' outbound trips (issue 13, clause XV): a TRIP line per approved trip
-- that touches the week, in the organising unit's section; item_date is the departure, end_date the return, people
-- the leaders' names as compiled.
ALTER TABLE weekly_dynamics_item ADD COLUMN end_date DATE;
ALTER TABLE weekly_dynamics_item ADD COLUMN people VARCHAR(400);
ALTER TABLE weekly_dynamics_item DROP CONSTRAINT ck_weekly_item_kind;
ALTER TABLE weekly_dynamics_item ADD CONSTRAINT ck_weekly_item_kind
    CHECK (kind IN ('CLUE', 'MOVE', 'FUNDS', 'STALLED', 'TRIP'));
