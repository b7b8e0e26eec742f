-- Administrators manage the system and never open a case file: an account never holds the
-- administrator role together with a role that opens case files (social worker, coordinator),
-- whoever writes the roles (the staff-accounts page, or SQL typed by hand).
-- Kept in step with ../sqlite/20261202000015_administrators_open_no_files.sql.
CREATE FUNCTION staff_roles_administrators_open_no_files() RETURNS trigger AS $$
BEGIN
    -- Two roles given to one account at once wait for each other here, so each sees the other.
    PERFORM 1 FROM staff_users WHERE id = NEW.user_id FOR UPDATE;
    IF (NEW.role IN ('assistente_sociale', 'coordinatore')
        AND EXISTS (SELECT 1 FROM staff_roles
                    WHERE user_id = NEW.user_id AND id IS DISTINCT FROM NEW.id AND role = 'amministratore'))
    OR (NEW.role = 'amministratore'
        AND EXISTS (SELECT 1 FROM staff_roles
                    WHERE user_id = NEW.user_id AND id IS DISTINCT FROM NEW.id AND role IN ('assistente_sociale', 'coordinatore')))
    THEN
        RAISE EXCEPTION 'an administrator account never holds a case-file role' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER staff_roles_administrators_open_no_files BEFORE INSERT OR UPDATE OF role, user_id ON staff_roles
    FOR EACH ROW EXECUTE FUNCTION staff_roles_administrators_open_no_files();
