-- The roots of Sportello's data: who runs the service, the comuni it serves, its units and
-- offices, the memory of first-start seeding, and the email outbox.
-- Kept in step with ../postgres/20261122000001_foundation.sql (same tables, same names).
-- Timestamps are UTC, stored as sqlx's RFC 3339 text; times of day are local (Europe/Rome).

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),   -- one organisation per installation
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT NOT NULL CHECK (kind IN ('comune', 'azienda', 'cooperativa')),
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE comuni (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    province         TEXT NOT NULL DEFAULT '',
    codice_catastale TEXT UNIQUE,                      -- e.g. C707; the key for matching residents
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       TEXT NOT NULL
);

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 60),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE offices (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    name        TEXT NOT NULL,
    comune_id   INTEGER REFERENCES comuni (id),        -- NULL: the office belongs to the organisation
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE office_hours (
    id          INTEGER PRIMARY KEY,
    office_id   INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX office_hours_by_office ON office_hours (office_id, weekday);

-- Facts the installation remembers about itself, e.g. that first-start seeding has run: the seed
-- must not come back after an administrator deleted what it created.
CREATE TABLE installation (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

-- Every email leaves through this table, written in the same transaction as the change it reports,
-- and a worker sends it with retries: nothing is lost if the mail server is down, and staff can see
-- what failed.
CREATE TABLE email_outbox (
    id              INTEGER PRIMARY KEY,
    to_address      TEXT NOT NULL,
    reply_to        TEXT,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);
