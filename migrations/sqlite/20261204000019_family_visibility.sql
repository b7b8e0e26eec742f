-- What a family may see of its requests and cases in its personal area, decided by the case's
-- worker. Kept in step with ../postgres/20261204000019_family_visibility.sql (which explains why
-- a request from a report or a court mandate starts hidden).
ALTER TABLE requests ADD COLUMN family_sees BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN family_sees BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE requests SET family_sees = origin IN ('appuntamento', 'spontanea');

-- SQLite's triggers cannot change the row being inserted: the same rule, right after it.
CREATE TRIGGER requests_family_sees_at_start AFTER INSERT ON requests
BEGIN
    UPDATE requests SET family_sees = NEW.origin IN ('appuntamento', 'spontanea') WHERE id = NEW.id;
END;
