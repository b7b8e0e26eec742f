-- What a family may see of its requests and cases in its personal area (issue 26), decided by the
-- case's worker and recorded in the audit trail at each change. A request the family asked for
-- itself (at an appointment, or spontaneously) is visible from the start: the family knows of it
-- and may follow where it stands. One from a report or a court mandate starts hidden, whatever the
-- code inserting it says: a parent may be the person the child is protected from. A case is
-- hidden until its worker shows it. Kept in step with ../sqlite/20261204000019_family_visibility.sql.
ALTER TABLE requests ADD COLUMN family_sees BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN family_sees BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE requests SET family_sees = origin IN ('appuntamento', 'spontanea');

CREATE FUNCTION requests_start_visible_only_when_asked_by_the_family() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.family_sees := NEW.origin IN ('appuntamento', 'spontanea');
    RETURN NEW;
END;
$$;
CREATE TRIGGER requests_family_sees_at_start BEFORE INSERT ON requests
    FOR EACH ROW EXECUTE FUNCTION requests_start_visible_only_when_asked_by_the_family();
