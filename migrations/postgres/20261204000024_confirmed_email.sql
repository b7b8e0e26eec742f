-- A person of the area may confirm the email their identity provider gave, to see also the
-- appointments booked with that email and no codice fiscale. Kept in step with
-- ../sqlite/20261204000024_confirmed_email.sql.

-- The address the person proved they read (in lower case), and when.
ALTER TABLE citizens ADD COLUMN confirmed_email TEXT;
ALTER TABLE citizens ADD COLUMN email_confirmed_at TIMESTAMPTZ;

-- A confirmation on its way: the SHA-256 of the link's random code (never the code itself), for
-- whom and which address, until when.
CREATE TABLE citizen_email_confirmations (
    token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    citizen_id  BIGINT NOT NULL REFERENCES citizens (id),
    email       TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX citizen_email_confirmations_by_citizen ON citizen_email_confirmations (citizen_id);
