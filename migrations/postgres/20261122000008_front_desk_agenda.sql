-- The front desk's day: whether each person came (attesa: not yet; arrivato; assente: did not come;
-- concluso: the interview is over), when that was marked, and which operator booked for a person
-- who phoned (NULL: booked by the citizen online).
-- Kept in step with ../sqlite/20261122000008_front_desk_agenda.sql.
ALTER TABLE bookings ADD COLUMN visit_state TEXT NOT NULL DEFAULT 'attesa'
    CHECK (visit_state IN ('attesa', 'arrivato', 'assente', 'concluso'));
ALTER TABLE bookings ADD COLUMN visit_state_at TIMESTAMPTZ;
ALTER TABLE bookings ADD COLUMN booked_by_staff_id BIGINT REFERENCES staff_users (id);
-- The agenda reads one office's day on bookings_by_office_start (migration 5).
