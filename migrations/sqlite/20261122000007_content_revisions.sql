-- Every published version of a catalogue page. Kept in step with
-- ../postgres/20261122000007_content_revisions.sql (which explains each column).
CREATE TABLE content_revisions (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('servizio', 'pagina')),
    record_id    INTEGER NOT NULL,
    number       INTEGER NOT NULL CHECK (number >= 1),
    published_at TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff_users (id),
    changed      TEXT NOT NULL,
    content      TEXT NOT NULL,
    UNIQUE (kind, record_id, number)
);
