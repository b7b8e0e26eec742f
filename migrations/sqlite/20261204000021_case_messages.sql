-- Messages between a case's social workers and the family. Kept in step with
-- ../postgres/20261204000021_case_messages.sql (which explains each column).
CREATE TABLE case_messages (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    staff_id   INTEGER REFERENCES staff_users (id),
    citizen_id INTEGER REFERENCES citizens (id),
    body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    sent_at    TEXT NOT NULL,
    CHECK ((staff_id IS NULL) <> (citizen_id IS NULL))
);
CREATE INDEX case_messages_by_case ON case_messages (case_id, sent_at);
