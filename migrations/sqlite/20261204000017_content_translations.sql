-- Translations of the service pages and information pages, each published version kept. Kept in
-- step with ../postgres/20261204000017_content_translations.sql (which explains each column).
CREATE TABLE content_translations (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('servizio', 'pagina')),
    record_id     INTEGER NOT NULL,
    language      TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es', 'ar', 'zh', 'ro', 'sq', 'uk')),
    number        INTEGER NOT NULL CHECK (number >= 1),
    published_at  TEXT NOT NULL,
    staff_id      INTEGER NOT NULL REFERENCES staff_users (id),
    changed       TEXT NOT NULL,
    content       TEXT NOT NULL,
    italian_number INTEGER NOT NULL CHECK (italian_number >= 0),
    search_text   TEXT NOT NULL DEFAULT '',
    reviewed_by   TEXT CHECK (reviewed_by IS NULL OR length(trim(reviewed_by)) BETWEEN 1 AND 120),
    reviewed_at   TEXT,
    review_recorded_by INTEGER REFERENCES staff_users (id),
    CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL) AND (reviewed_by IS NULL) = (review_recorded_by IS NULL)),
    UNIQUE (kind, record_id, language, number)
);
