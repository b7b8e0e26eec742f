-- Appointments with the Segretariato Sociale: how each office takes them, what citizens may book
-- them for, the bookings themselves, and the seats of each slot.
-- Kept in step with ../postgres/20261122000005_booking.sql.

-- How an office takes appointments. Its opening windows are office_hours; closures and holidays
-- close it for whole days.
ALTER TABLE offices ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240);
-- Parallel desks: how many people can be received in the same slot.
ALTER TABLE offices ADD COLUMN slot_capacity INTEGER NOT NULL DEFAULT 1 CHECK (slot_capacity BETWEEN 1 AND 50);
ALTER TABLE offices ADD COLUMN booking_horizon_days INTEGER NOT NULL DEFAULT 60 CHECK (booking_horizon_days BETWEEN 1 AND 366);
ALTER TABLE offices ADD COLUMN min_notice_hours INTEGER NOT NULL DEFAULT 24 CHECK (min_notice_hours BETWEEN 0 AND 720);
ALTER TABLE offices ADD COLUMN cancel_cutoff_hours INTEGER NOT NULL DEFAULT 24 CHECK (cancel_cutoff_hours BETWEEN 0 AND 720);

-- What the citizen wants to talk about, each hinting at the unit likely to follow it up
-- (unit_id NULL: "non so", the Segretariato decides at the interview).
CREATE TABLE booking_topics (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    hint        TEXT NOT NULL DEFAULT '',
    unit_id     INTEGER REFERENCES units (id),
    position    INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The topic a service page's "Prenota un appuntamento" pre-selects.
ALTER TABLE services ADD COLUMN booking_topic_id INTEGER REFERENCES booking_topics (id);

CREATE TABLE bookings (
    id                  INTEGER PRIMARY KEY,
    -- Read out on the phone and typed back: no 0/O, 1/I/L.
    code                TEXT NOT NULL UNIQUE CHECK (length(code) = 8),
    office_id           INTEGER NOT NULL REFERENCES offices (id),
    topic_id            INTEGER NOT NULL REFERENCES booking_topics (id),
    starts_at           TEXT NOT NULL,
    ends_at             TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'confermata' CHECK (status IN ('confermata', 'annullata')),
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    email               TEXT,
    phone               TEXT,
    codice_fiscale      TEXT,
    language            TEXT NOT NULL DEFAULT 'it',
    interpreter         INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
    accessibility_needs TEXT NOT NULL DEFAULT '',
    about               TEXT NOT NULL DEFAULT '' CHECK (length(about) <= 200),
    -- SHA-256 of the private link's token: the token itself is only in the emails.
    manage_token_hash   TEXT NOT NULL UNIQUE,
    -- The confirmation form's own key: the same form sent twice makes one booking.
    idempotency_key     TEXT NOT NULL UNIQUE,
    created_at          TEXT NOT NULL,
    moved_at            TEXT,
    cancelled_at        TEXT,
    cancel_reason       TEXT,
    reminder_sent_at    TEXT,
    -- Set when the retention job has removed the personal data (the row stays for the counts).
    erased_at           TEXT,
    CHECK (starts_at < ends_at),
    CHECK (email IS NOT NULL OR phone IS NOT NULL OR erased_at IS NOT NULL)
);
CREATE INDEX bookings_by_office_start ON bookings (office_id, starts_at);
CREATE INDEX bookings_by_email ON bookings (email, starts_at);
CREATE INDEX bookings_by_phone ON bookings (phone, starts_at);

-- The seats of every slot that has at least one booking. The database itself keeps a slot within
-- its office's capacity: the triggers below count every confirmed booking in, and the CHECK refuses
-- the one too many, whoever writes it (the booking flow, the front desk, or raw SQL). SQLite runs
-- one writer at a time, so the count cannot race.
CREATE TABLE slot_seats (
    office_id   INTEGER NOT NULL REFERENCES offices (id),
    starts_at   TEXT NOT NULL,
    capacity    INTEGER NOT NULL,
    taken       INTEGER NOT NULL,
    PRIMARY KEY (office_id, starts_at),
    CONSTRAINT slot_within_capacity CHECK (taken BETWEEN 0 AND capacity)
);

CREATE TRIGGER bookings_take_seat AFTER INSERT ON bookings
WHEN NEW.status = 'confermata'
BEGIN
    INSERT INTO slot_seats (office_id, starts_at, capacity, taken)
    VALUES (NEW.office_id, NEW.starts_at, (SELECT slot_capacity FROM offices WHERE id = NEW.office_id), 1)
    ON CONFLICT (office_id, starts_at) DO UPDATE SET taken = taken + 1, capacity = excluded.capacity;
END;

CREATE TRIGGER bookings_release_seat AFTER UPDATE OF status ON bookings
WHEN OLD.status = 'confermata' AND NEW.status <> 'confermata'
BEGIN
    UPDATE slot_seats SET taken = taken - 1 WHERE office_id = OLD.office_id AND starts_at = OLD.starts_at;
END;

-- Moving a booking: the old seat is released and the new one taken in the same statement.
CREATE TRIGGER bookings_move_seat AFTER UPDATE OF starts_at, office_id ON bookings
WHEN OLD.status = 'confermata' AND NEW.status = 'confermata'
     AND (OLD.starts_at <> NEW.starts_at OR OLD.office_id <> NEW.office_id)
BEGIN
    UPDATE slot_seats SET taken = taken - 1 WHERE office_id = OLD.office_id AND starts_at = OLD.starts_at;
    INSERT INTO slot_seats (office_id, starts_at, capacity, taken)
    VALUES (NEW.office_id, NEW.starts_at, (SELECT slot_capacity FROM offices WHERE id = NEW.office_id), 1)
    ON CONFLICT (office_id, starts_at) DO UPDATE SET taken = taken + 1, capacity = excluded.capacity;
END;

-- A booking being made: the chosen slot and the checked details, between the details step and the
-- confirmation, so nothing typed is lost if the slot is taken meanwhile and the details never travel
-- in an address. Its random id is also the confirmation's idempotency key (bookings.idempotency_key):
-- the same draft confirmed twice makes one booking. Deleted some hours after it expires.
CREATE TABLE booking_drafts (
    id          TEXT PRIMARY KEY,
    office_id   INTEGER NOT NULL REFERENCES offices (id),
    topic_id    INTEGER NOT NULL REFERENCES booking_topics (id),
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    details     TEXT NOT NULL,
    booking_id  INTEGER REFERENCES bookings (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX booking_drafts_by_expiry ON booking_drafts (expires_at);

-- An email may carry one file, e.g. the appointment's calendar file (.ics); emptied with the body
-- once the message is sent.
ALTER TABLE email_outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE email_outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE email_outbox ADD COLUMN attachment_body TEXT;

-- Messages about a booking, so its reminder (queued at booking time to leave the day before, the
-- only moment the private link's token is at hand) can be withdrawn or re-timed when the booking is
-- cancelled or moved.
ALTER TABLE email_outbox ADD COLUMN booking_id INTEGER REFERENCES bookings (id);
ALTER TABLE email_outbox ADD COLUMN kind TEXT;
CREATE INDEX email_outbox_by_booking ON email_outbox (booking_id);
