-- Documents a case's worker asks the family for. Kept in step with
-- ../postgres/20261204000022_document_requests.sql (which explains each column).
CREATE TABLE document_requests (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    kind        TEXT NOT NULL CHECK (kind IN ('consenso', 'isee', 'altro')),
    what        TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 200),
    asked_by    INTEGER NOT NULL REFERENCES staff_users (id),
    asked_at    TEXT NOT NULL,
    document_id INTEGER UNIQUE REFERENCES case_documents (id),
    received_at TEXT,
    CHECK ((document_id IS NULL) = (received_at IS NULL))
);
CREATE INDEX document_requests_by_case ON document_requests (case_id, asked_at);
