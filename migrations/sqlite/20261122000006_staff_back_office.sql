-- The back office: staff accounts and their roles, sign-in protection, sessions, and the
-- audit trail. Kept in step with ../postgres/20261122000006_staff_back_office.sql (which explains
-- each table).

CREATE TABLE staff_users (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 64),
    display_name   TEXT NOT NULL,
    email          TEXT,
    password_hash  TEXT NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    session_epoch  INTEGER NOT NULL DEFAULT 0,
    totp_secret    TEXT,
    totp_last_step INTEGER,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TEXT NOT NULL
);

CREATE TABLE staff_roles (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('sportello', 'assistente_sociale', 'coordinatore', 'amministratore')),
    unit_id   INTEGER REFERENCES units (id),
    office_id INTEGER REFERENCES offices (id),
    CHECK (
        (role = 'sportello' AND office_id IS NOT NULL AND unit_id IS NULL)
        OR (role IN ('assistente_sociale', 'coordinatore') AND unit_id IS NOT NULL AND office_id IS NULL)
        OR (role = 'amministratore' AND unit_id IS NULL AND office_id IS NULL)
    )
);
CREATE UNIQUE INDEX staff_roles_unique ON staff_roles (user_id, role, COALESCE(unit_id, 0), COALESCE(office_id, 0));

CREATE TABLE role_policies (
    role          TEXT PRIMARY KEY CHECK (role IN ('sportello', 'assistente_sociale', 'coordinatore', 'amministratore')),
    requires_totp BOOLEAN NOT NULL
);
INSERT INTO role_policies (role, requires_totp) VALUES
    ('sportello', FALSE), ('assistente_sociale', FALSE), ('coordinatore', FALSE), ('amministratore', TRUE);

CREATE TABLE sign_in_guard (
    account       TEXT PRIMARY KEY,
    window_start  TEXT NOT NULL,
    failures      INTEGER NOT NULL
);

-- tower-sessions' SQLite table (its expiry is a Unix time in seconds).
CREATE TABLE staff_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor_role  TEXT,
    action      TEXT NOT NULL,
    record_kind TEXT,
    record_ids  TEXT NOT NULL DEFAULT '',
    purpose     TEXT,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'negato', 'fallito')),
    request_id  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_ids);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TABLE audit_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '');

-- SQLite has no roles: whoever holds the file can change it, which the keyed chain detects. These
-- triggers keep the application itself from ever changing a row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed or removed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed or removed');
END;
