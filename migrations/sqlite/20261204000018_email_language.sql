-- The language an email is written in (the booking's, for the emails about a booking), so that its
-- HTML part says so: a mail reader then reads it with the right voice, and the Italian text that
-- follows another language is marked as Italian. Kept in step with
-- ../postgres/20261204000018_email_language.sql.
ALTER TABLE email_outbox ADD COLUMN language TEXT NOT NULL DEFAULT 'it'
    CHECK (language IN ('it', 'en', 'fr', 'es', 'ar', 'zh', 'ro', 'sq', 'uk'));
