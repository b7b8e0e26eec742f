-- The families' personal area: who has signed in with SPID or CIE, and their sessions. Kept in
-- step with ../postgres/20261204000020_family_area_sign_in.sql (which explains each table).
CREATE TABLE citizens (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    codice_fiscale  TEXT NOT NULL UNIQUE CHECK (length(codice_fiscale) = 16),
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    email           TEXT,
    first_signed_in TEXT NOT NULL,
    last_signed_in  TEXT NOT NULL
);

CREATE TABLE citizen_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);
