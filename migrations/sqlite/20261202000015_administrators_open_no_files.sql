-- Administrators manage the system and never open a case file: an account never holds the
-- administrator role together with a role that opens case files (social worker, coordinator),
-- whoever writes the roles (the staff-accounts page, or SQL typed by hand).
-- Kept in step with ../postgres/20261202000015_administrators_open_no_files.sql.
CREATE TRIGGER staff_roles_administrators_open_no_files BEFORE INSERT ON staff_roles
WHEN (NEW.role IN ('assistente_sociale', 'coordinatore')
      AND EXISTS (SELECT 1 FROM staff_roles WHERE user_id = NEW.user_id AND role = 'amministratore'))
  OR (NEW.role = 'amministratore'
      AND EXISTS (SELECT 1 FROM staff_roles WHERE user_id = NEW.user_id AND role IN ('assistente_sociale', 'coordinatore')))
BEGIN
    SELECT RAISE(ABORT, 'an administrator account never holds a case-file role');
END;

CREATE TRIGGER staff_roles_administrators_open_no_files_update BEFORE UPDATE OF role, user_id ON staff_roles
WHEN (NEW.role IN ('assistente_sociale', 'coordinatore')
      AND EXISTS (SELECT 1 FROM staff_roles WHERE user_id = NEW.user_id AND id <> OLD.id AND role = 'amministratore'))
  OR (NEW.role = 'amministratore'
      AND EXISTS (SELECT 1 FROM staff_roles WHERE user_id = NEW.user_id AND id <> OLD.id AND role IN ('assistente_sociale', 'coordinatore')))
BEGIN
    SELECT RAISE(ABORT, 'an administrator account never holds a case-file role');
END;
