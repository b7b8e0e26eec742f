-- The help plan (Progetto di aiuto) of a case, its interventions with their legal basis, the
-- plan's history, and the closure of a case, which the worker asks for and the coordinator approves.
-- Kept in step with ../postgres/20261201000011_help_plans.sql.

-- bozza → proposto (alla famiglia) → approvato / rifiutato → attivo ⇄ in_revisione → concluso.
-- A revision that adds interventions is proposed to the family again (in_revisione → proposto).
CREATE TABLE help_plans (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    state           TEXT NOT NULL CHECK (state IN ('bozza', 'proposto', 'approvato', 'rifiutato', 'attivo', 'in_revisione', 'concluso')),
    goals           TEXT NOT NULL DEFAULT '' CHECK (length(goals) <= 4000),
    -- The next review (monitoraggio).
    review_on       TEXT,
    outcome         TEXT CHECK (length(outcome) <= 2000),
    created_by      INTEGER NOT NULL REFERENCES staff_users (id),
    created_at      TEXT NOT NULL,
    CHECK (state <> 'concluso' OR outcome IS NOT NULL)
);
-- One plan in progress per case; concluded and refused plans stay as its history.
CREATE UNIQUE INDEX help_plans_one_in_progress ON help_plans (case_id) WHERE state NOT IN ('concluso', 'rifiutato');
CREATE INDEX help_plans_by_review ON help_plans (review_on) WHERE state IN ('attivo', 'in_revisione');

CREATE TABLE plan_interventions (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES help_plans (id),
    kind            TEXT NOT NULL CHECK (kind IN ('consulenza', 'educativi_diurni', 'sostegno_socio_educativo', 'sostegno_psicologico',
                                                 'incontri_protetti', 'affido', 'comunita', 'contributo_economico', 'sisl')),
    -- Who does what.
    assignment      TEXT NOT NULL CHECK (length(assignment) BETWEEN 1 AND 500),
    planned_start   TEXT NOT NULL,
    -- consenso: the family's approval, recorded when they approve the plan (consent_on);
    -- mandato: the court mandate that imposes it (a request of the case from the courts).
    legal_basis     TEXT NOT NULL CHECK (legal_basis IN ('consenso', 'mandato')),
    mandate_id      INTEGER REFERENCES requests (id),
    consent_on      TEXT,
    started_on      TEXT,
    ended_on        TEXT,
    added_by        INTEGER NOT NULL REFERENCES staff_users (id),
    added_at        TEXT NOT NULL,
    CHECK ((legal_basis = 'mandato') = (mandate_id IS NOT NULL)),
    -- A consensual intervention never starts without the family's approval.
    CHECK (started_on IS NULL OR legal_basis = 'mandato' OR consent_on IS NOT NULL),
    CHECK (ended_on IS NULL OR started_on IS NOT NULL)
);
CREATE INDEX plan_interventions_by_plan ON plan_interventions (plan_id, id);

-- Every step of a plan: who moved it, when, from which state to which, and what they noted.
CREATE TABLE plan_events (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES help_plans (id),
    at          TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff_users (id),
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    note        TEXT
);
CREATE INDEX plan_events_by_plan ON plan_events (plan_id, at);

-- Closing a case: the worker asks, with the reason; the unit's coordinator approves (closed_at)
-- or sends it back, saying why (closure_refusal, until the next request).
ALTER TABLE cases ADD COLUMN closure_requested_at TEXT;
ALTER TABLE cases ADD COLUMN closure_requested_by INTEGER REFERENCES staff_users (id);
ALTER TABLE cases ADD COLUMN closure_reason TEXT;
ALTER TABLE cases ADD COLUMN closure_refusal TEXT;
ALTER TABLE cases ADD COLUMN closed_by INTEGER REFERENCES staff_users (id);
