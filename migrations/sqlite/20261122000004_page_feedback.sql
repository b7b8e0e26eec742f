-- "Quanto sono chiare le informazioni su questa pagina?": ratings of public pages, without any
-- personal data (no account, no address, no IP), so staff can see which pages confuse people.
-- Kept in step with ../postgres/20261122000004_page_feedback.sql.
CREATE TABLE page_feedback (
    id          INTEGER PRIMARY KEY,
    page_path   TEXT NOT NULL CHECK (length(page_path) BETWEEN 1 AND 200),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    reason      TEXT,
    comment     TEXT CHECK (length(comment) <= 200),
    created_at  TEXT NOT NULL
);
CREATE INDEX page_feedback_by_page ON page_feedback (page_path, created_at);
