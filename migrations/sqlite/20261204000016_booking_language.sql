-- The language a booking was made in (the portal's address: /en/prenota, /ar/prenota…): its
-- emails, calendar file and reminder speak it, with the Italian after. Not the interview's language
-- (bookings.language), which the family chooses in the form. Bookings made before are Italian.
-- Kept in step with ../postgres/20261204000016_booking_language.sql.
ALTER TABLE bookings ADD COLUMN booked_in TEXT NOT NULL DEFAULT 'it'
    CHECK (booked_in IN ('it', 'en', 'fr', 'es', 'ar', 'zh', 'ro', 'sq', 'uk'));
