-- The email a person of the area confirmed. Kept in step with
-- ../postgres/20261204000024_confirmed_email.sql (which explains each column).
ALTER TABLE citizens ADD COLUMN confirmed_email TEXT;
ALTER TABLE citizens ADD COLUMN email_confirmed_at TEXT;

CREATE TABLE citizen_email_confirmations (
    token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    citizen_id  INTEGER NOT NULL REFERENCES citizens (id),
    email       TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX citizen_email_confirmations_by_citizen ON citizen_email_confirmations (citizen_id);
