-- Requests (richieste): what the front desk records after an interview, or registers without one
-- (spontaneous at the desk, a referral from a school or a doctor, a mandate of the courts), with the
-- family and the persons concerned, routed to a unit's queue. Cases are opened from them by the
-- units (the case file itself comes with the units' work).
-- Kept in step with ../postgres/20261122000009_requests.sql.

CREATE TABLE persons (
    id             INTEGER PRIMARY KEY,
    given_name     TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name    TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    birth_date     TEXT NOT NULL,
    -- The key for finding a person again; optional, but never twice.
    codice_fiscale TEXT UNIQUE CHECK (codice_fiscale IS NULL OR length(codice_fiscale) = 16),
    created_at     TEXT NOT NULL
);
-- Finding a person by name and date of birth (names stored as typed; compared in lower case).
CREATE INDEX persons_by_name ON persons (lower(family_name), lower(given_name), birth_date);

-- A household (nucleo familiare), with its comune of residence.
CREATE TABLE families (
    id          INTEGER PRIMARY KEY,
    comune_id   INTEGER REFERENCES comuni (id),
    created_at  TEXT NOT NULL
);

CREATE TABLE family_members (
    family_id   INTEGER NOT NULL REFERENCES families (id),
    person_id   INTEGER NOT NULL REFERENCES persons (id),
    role        TEXT NOT NULL CHECK (role IN ('genitore', 'figlio', 'tutore', 'altro')),
    PRIMARY KEY (family_id, person_id)
);
CREATE INDEX family_members_by_person ON family_members (person_id);

-- A family followed by a unit: at most one open at a time per family and unit.
CREATE TABLE cases (
    id             INTEGER PRIMARY KEY,
    family_id      INTEGER NOT NULL REFERENCES families (id),
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    responsible_id INTEGER REFERENCES staff_users (id),
    opened_at      TEXT NOT NULL,
    closed_at      TEXT
);
CREATE UNIQUE INDEX cases_one_open_per_family_and_unit ON cases (family_id, unit_id) WHERE closed_at IS NULL;

CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    origin           TEXT NOT NULL CHECK (origin IN ('appuntamento', 'spontanea', 'segnalazione', 'mandato')),
    -- The interview it came from; one request per appointment.
    booking_id       INTEGER UNIQUE REFERENCES bookings (id),
    family_id        INTEGER NOT NULL REFERENCES families (id),
    -- The need, from the same list citizens choose from when booking.
    topic_id         INTEGER NOT NULL REFERENCES booking_topics (id),
    urgency          TEXT NOT NULL CHECK (urgency IN ('ordinaria', 'prioritaria', 'urgente')),
    unit_id          INTEGER NOT NULL REFERENCES units (id),
    -- restituita: a coordinator sent it back to the front desk, which routes it again.
    state            TEXT NOT NULL CHECK (state IN ('in_coda', 'assegnata', 'restituita', 'chiusa')),
    -- The queue's order: urgent first (0), then prioritaria (1), then ordinaria (2).
    urgency_rank     INTEGER GENERATED ALWAYS AS (CASE urgency WHEN 'urgente' THEN 0 WHEN 'prioritaria' THEN 1 ELSE 2 END) STORED,
    -- Set when the family already had an open case in the unit: the request went straight to
    -- that case's responsible worker, flagged as new.
    case_id          INTEGER REFERENCES cases (id),
    assigned_to      INTEGER REFERENCES staff_users (id),
    assigned_at      TEXT,
    flagged_new      BOOLEAN NOT NULL DEFAULT FALSE,
    -- When the coordinators were told: an urgent request waiting too long, a court deadline near.
    escalated_at       TEXT,
    deadline_warned_at TEXT,
    notes            TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    referrer_kind    TEXT CHECK (referrer_kind IN ('scuola', 'pediatra', 'ospedale', 'ats', 'altro_servizio')),
    referrer_name    TEXT,
    referrer_contact TEXT,
    court            TEXT,
    decree_number    TEXT,
    decree_date      TEXT,
    court_request    TEXT,
    report_due_on    TEXT,
    office_id        INTEGER REFERENCES offices (id),
    created_by       INTEGER REFERENCES staff_users (id),
    created_at       TEXT NOT NULL,
    -- What each origin cannot be saved without.
    CHECK (origin <> 'appuntamento' OR booking_id IS NOT NULL),
    CHECK (origin <> 'segnalazione' OR (referrer_kind IS NOT NULL AND referrer_name IS NOT NULL)),
    CHECK (origin <> 'mandato' OR (court IS NOT NULL AND decree_number IS NOT NULL AND decree_date IS NOT NULL
                                  AND court_request IS NOT NULL AND report_due_on IS NOT NULL))
);
-- A unit's queue: its waiting requests by urgency, then age.
CREATE INDEX requests_queue ON requests (unit_id, state, urgency_rank, created_at, id);
CREATE INDEX requests_by_office ON requests (office_id, created_at);

CREATE TABLE request_persons (
    request_id  INTEGER NOT NULL REFERENCES requests (id),
    person_id   INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (request_id, person_id)
);

-- What happened to a request, in order: created, re-routed or returned to the desk (with the
-- reason), assigned or reassigned (with the reason), closed.
CREATE TABLE request_events (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests (id),
    at           TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff_users (id),
    kind         TEXT NOT NULL CHECK (kind IN ('creata', 'reindirizzata', 'assegnata', 'riassegnata', 'restituita', 'chiusa')),
    from_unit_id INTEGER REFERENCES units (id),
    to_unit_id   INTEGER REFERENCES units (id),
    reason       TEXT
);
CREATE INDEX request_events_by_request ON request_events (request_id, at);

-- The outcome of an interview: information only (with a note), or a request taken in charge.
ALTER TABLE bookings ADD COLUMN outcome TEXT CHECK (outcome IN ('informazioni', 'presa_in_carico'));
ALTER TABLE bookings ADD COLUMN outcome_note TEXT;

-- Routing rules as data: each topic suggests a unit (unit_id, already there) and an urgency.
ALTER TABLE booking_topics ADD COLUMN suggested_urgency TEXT NOT NULL DEFAULT 'ordinaria'
    CHECK (suggested_urgency IN ('ordinaria', 'prioritaria', 'urgente'));
