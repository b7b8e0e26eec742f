-- Documents on a case (court decrees, signed consent, reports sent to the court, ISEE
-- certificates): PDF or images, kept as files outside the web root under a random name; the row
-- holds what they are, who added them, and a digest to notice a file changed on disk.
-- Kept in step with ../postgres/20261201000013_case_documents.sql.

CREATE TABLE case_documents (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    kind         TEXT NOT NULL CHECK (kind IN ('decreto', 'consenso', 'relazione_ag', 'isee', 'altro')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- The name the file had on the uploader's computer, for the download.
    file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    storage_key  TEXT NOT NULL UNIQUE CHECK (length(storage_key) = 32),
    uploaded_by  INTEGER NOT NULL REFERENCES staff_users (id),
    uploaded_at  TEXT NOT NULL
);
CREATE INDEX case_documents_by_case ON case_documents (case_id, uploaded_at);
