-- The case file (cartella): the team that may open it, the emergency accesses of anyone else, and
-- the timeline of notes, which are corrected by a new version and never edited or removed.
-- Kept in step with ../postgres/20261201000010_case_files.sql.

-- The professionals added to a case besides its responsible worker (cases.responsible_id). A
-- member taken off keeps their row, with who took them off and when.
CREATE TABLE case_team (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    staff_id    INTEGER NOT NULL REFERENCES staff_users (id),
    profession  TEXT NOT NULL CHECK (profession IN ('assistente_sociale', 'psicologo', 'educatore')),
    added_by    INTEGER NOT NULL REFERENCES staff_users (id),
    added_at    TEXT NOT NULL,
    removed_by  INTEGER REFERENCES staff_users (id),
    removed_at  TEXT
);
-- A person is in a case's team once at a time, also when two people add them at the same moment.
CREATE UNIQUE INDEX case_team_once ON case_team (case_id, staff_id) WHERE removed_at IS NULL;
CREATE INDEX case_team_by_staff ON case_team (staff_id) WHERE removed_at IS NULL;

-- Someone outside the team who opened the file because it could not wait: why, when, until when.
CREATE TABLE emergency_accesses (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    staff_id    INTEGER NOT NULL REFERENCES staff_users (id),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 10 AND 500),
    at          TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX emergency_accesses_by_case ON emergency_accesses (case_id, staff_id, expires_at);
CREATE INDEX emergency_accesses_by_time ON emergency_accesses (at);

-- The timeline: each note dated, authored and kept. A correction is a new row that names the
-- version it replaces (once: two people correcting the same version cannot both win) and why.
CREATE TABLE case_notes (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES cases (id),
    kind              TEXT NOT NULL CHECK (kind IN ('colloquio', 'visita_domiciliare', 'telefonata', 'incontro_di_rete', 'relazione_ag')),
    happened_on       TEXT NOT NULL,
    body              TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
    author_id         INTEGER NOT NULL REFERENCES staff_users (id),
    written_at        TEXT NOT NULL,
    replaces_id       INTEGER UNIQUE REFERENCES case_notes (id),
    correction_reason TEXT CHECK (length(correction_reason) BETWEEN 1 AND 300),
    CHECK ((replaces_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, id);
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
BEGIN
    SELECT RAISE(ABORT, 'a case note is corrected by a new version, never edited');
END;
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
BEGIN
    SELECT RAISE(ABORT, 'a case note is corrected by a new version, never removed');
END;
