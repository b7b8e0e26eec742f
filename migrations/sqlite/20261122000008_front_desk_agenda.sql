-- The front desk's day: whether each person came, and who booked for people who phoned.
-- Kept in step with ../postgres/20261122000008_front_desk_agenda.sql.
ALTER TABLE bookings ADD COLUMN visit_state TEXT NOT NULL DEFAULT 'attesa'
    CHECK (visit_state IN ('attesa', 'arrivato', 'assente', 'concluso'));
ALTER TABLE bookings ADD COLUMN visit_state_at TEXT;
ALTER TABLE bookings ADD COLUMN booked_by_staff_id INTEGER REFERENCES staff_users (id);
-- The agenda reads one office's day on bookings_by_office_start (migration 5).
