-- The families' personal area: who has signed in with SPID or CIE, and their sessions. Kept in
-- step with ../sqlite/20261204000020_family_area_sign_in.sql.

-- A person as the identity providers know them. The codice fiscale is the key to everything the
-- area shows (it is matched against the families' persons at every read); the id is what the audit
-- trail records as the actor, since the trail holds ids only, never personal data.
CREATE TABLE citizens (
    id              BIGSERIAL PRIMARY KEY,
    codice_fiscale  TEXT NOT NULL UNIQUE CHECK (length(codice_fiscale) = 16),
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    -- The email the provider vouched for, if it gave one.
    email           TEXT,
    first_signed_in TIMESTAMPTZ NOT NULL,
    last_signed_in  TIMESTAMPTZ NOT NULL
);

-- The area's sessions: a table and a cookie of their own, so a staff session never opens the area
-- and a family's session never opens the back office (tower-sessions' layout, as staff_sessions).
CREATE TABLE citizen_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BYTEA NOT NULL,
    expiry_date TIMESTAMPTZ NOT NULL
);
