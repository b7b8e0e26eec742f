-- A case document may come from the family: the one the worker asked for (document_requests),
-- sent from the personal area. Kept in step with ../sqlite/20261204000023_family_documents.sql.

-- Who added the document: a staff member (uploaded_by) or a person of the family signed in to
-- the area (sent_by_citizen), never both and never neither.
ALTER TABLE case_documents ALTER COLUMN uploaded_by DROP NOT NULL;
ALTER TABLE case_documents ADD COLUMN sent_by_citizen BIGINT REFERENCES citizens (id);
ALTER TABLE case_documents ADD CONSTRAINT case_documents_one_sender
    CHECK ((uploaded_by IS NULL) <> (sent_by_citizen IS NULL));
