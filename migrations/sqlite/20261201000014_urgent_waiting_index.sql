-- The escalation check (every few minutes, on every server) looks for urgent requests still in a
-- queue and not yet escalated. Without an index it read every request ever made: 0.8 s on the
-- benchmark's 100x data, 2 million requests (scripts/bench). Those few rows now have an index of
-- their own.
-- Kept in step with ../postgres/20261201000014_urgent_waiting_index.sql.
CREATE INDEX requests_urgent_waiting ON requests (created_at)
    WHERE state = 'in_coda' AND urgency = 'urgente' AND escalated_at IS NULL;
