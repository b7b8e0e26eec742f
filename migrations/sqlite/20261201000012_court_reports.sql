-- The reports a case owes the courts: each due on a day, and sent with a note of the timeline
-- (kind relazione_ag) that closes it. A court mandate's deadline becomes the first one when its
-- request joins a case; the worker adds the later ones the court asks for.
-- Kept in step with ../postgres/20261201000012_court_reports.sql.

CREATE TABLE court_reports (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    -- The mandate that asks for it, when one does.
    mandate_id  INTEGER REFERENCES requests (id),
    due_on      TEXT NOT NULL,
    sent_on     TEXT,
    note_id     INTEGER UNIQUE REFERENCES case_notes (id),
    -- When the unit's coordinators were told the deadline is near (once).
    warned_at   TEXT,
    created_by  INTEGER REFERENCES staff_users (id),
    created_at  TEXT NOT NULL,
    CHECK ((sent_on IS NULL) = (note_id IS NULL))
);
-- A mandate's deadline is copied once, however many times its request is handled.
CREATE UNIQUE INDEX court_reports_once_per_mandate_and_day ON court_reports (mandate_id, due_on);
CREATE INDEX court_reports_by_case ON court_reports (case_id, due_on);
CREATE INDEX court_reports_pending ON court_reports (due_on) WHERE sent_on IS NULL;

INSERT INTO court_reports (case_id, mandate_id, due_on, warned_at, created_at)
SELECT case_id, id, report_due_on, deadline_warned_at, created_at FROM requests WHERE case_id IS NOT NULL AND report_due_on IS NOT NULL;
