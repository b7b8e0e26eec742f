-- A case document may come from the family: the one the worker asked for (document_requests),
-- sent from the personal area. Kept in step with ../postgres/20261204000023_family_documents.sql
-- (which explains the columns).
--
-- SQLite cannot drop a column's NOT NULL in place, so the table is made again. Its usual recipe
-- turns foreign keys off, which cannot be done inside the transaction sqlx runs a migration in;
-- instead, the one table that points at case_documents (document_requests) lets go of its rows
-- for the time of the swap and takes them back after, so no reference is ever left dangling.
CREATE TEMPORARY TABLE answered_requests AS
    SELECT id, document_id, received_at FROM document_requests WHERE document_id IS NOT NULL;
UPDATE document_requests SET document_id = NULL, received_at = NULL WHERE document_id IS NOT NULL;

CREATE TABLE case_documents_new (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    kind            TEXT NOT NULL CHECK (kind IN ('decreto', 'consenso', 'relazione_ag', 'isee', 'altro')),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    file_name       TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type    TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    storage_key     TEXT NOT NULL UNIQUE CHECK (length(storage_key) = 32),
    uploaded_by     INTEGER REFERENCES staff_users (id),
    sent_by_citizen INTEGER REFERENCES citizens (id),
    uploaded_at     TEXT NOT NULL,
    CONSTRAINT case_documents_one_sender CHECK ((uploaded_by IS NULL) <> (sent_by_citizen IS NULL))
);
INSERT INTO case_documents_new
       (id, case_id, kind, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
SELECT id, case_id, kind, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at
  FROM case_documents;
DROP TABLE case_documents;
ALTER TABLE case_documents_new RENAME TO case_documents;
CREATE INDEX case_documents_by_case ON case_documents (case_id, uploaded_at);

UPDATE document_requests
   SET document_id = (SELECT a.document_id FROM answered_requests a WHERE a.id = document_requests.id),
       received_at = (SELECT a.received_at FROM answered_requests a WHERE a.id = document_requests.id)
 WHERE id IN (SELECT id FROM answered_requests);
DROP TABLE answered_requests;
