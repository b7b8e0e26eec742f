-- When the service can be reached, and what it offers.
-- Kept in step with ../postgres/20261122000002_opening_hours_and_catalogue.sql.

-- The patron saint's day of the organisation's comune: offices are closed, like on national holidays.
ALTER TABLE organisation ADD COLUMN patron_name TEXT;
ALTER TABLE organisation ADD COLUMN patron_month INTEGER CHECK (patron_month BETWEEN 1 AND 12);
ALTER TABLE organisation ADD COLUMN patron_day INTEGER CHECK (patron_day BETWEEN 1 AND 31);

-- Telephone lines people call, e.g. the Segretariato's line for appointments, with their hours.
CREATE TABLE phone_lines (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    number      TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE phone_line_hours (
    id            INTEGER PRIMARY KEY,
    phone_line_id INTEGER NOT NULL REFERENCES phone_lines (id) ON DELETE CASCADE,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens         TEXT NOT NULL,
    closes        TEXT NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX phone_line_hours_by_line ON phone_line_hours (phone_line_id, weekday);

-- Days an office is closed although its weekly hours say open (office_id NULL: every office and the
-- phone lines), e.g. a summer closure. Dates are local, both ends included.
CREATE TABLE closures (
    id          INTEGER PRIMARY KEY,
    office_id   INTEGER REFERENCES offices (id) ON DELETE CASCADE,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    created_at  TEXT NOT NULL,
    CHECK (starts_on <= ends_on)
);
CREATE INDEX closures_by_end ON closures (ends_on);

-- The topics of the municipal model's taxonomy ("argomenti") that our services are tagged with.
CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);

-- The service catalogue. Texts are Markdown, rendered to sanitised HTML when shown.
CREATE TABLE services (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    summary     TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),
    category    TEXT NOT NULL,
    unit_id     INTEGER REFERENCES units (id),          -- NULL: the Segretariato Sociale answers
    access      TEXT NOT NULL CHECK (access IN ('appuntamento', 'appuntamento_o_tribunale', 'tribunale')),
    keywords    TEXT NOT NULL DEFAULT '',
    -- Normalised word stems of title, summary, keywords and sections (no accents, lower case, no
    -- plural endings), so that "aiuto economico" finds "Aiuti economici": rebuilt on every edit.
    search_text TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_on  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE service_sections (
    service_id    INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    section       TEXT NOT NULL CHECK (section IN ('a_chi_e_rivolto', 'come_fare', 'cosa_serve', 'cosa_si_ottiene', 'tempi_e_scadenze', 'costi_e_condizioni')),
    body_markdown TEXT NOT NULL,
    PRIMARY KEY (service_id, section)
);

CREATE TABLE service_topics (
    service_id  INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    topic_id    INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, topic_id)
);
CREATE INDEX service_topics_by_topic ON service_topics (topic_id);
