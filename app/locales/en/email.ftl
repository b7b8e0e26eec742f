# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Below you will find the same message in Italian.
email-greeting = Dear { $name },
email-when = When: { $when }
email-new-day = New date: { $when }
email-where = Where: { $place }
email-code = Booking code: { $code }
email-bring-id = Bring an identity document with you.
email-bring-id-free = Bring an identity document with you. The meeting is free.
email-or-call = or call { $phone }.

email-confirmation-subject = Your appointment at the Social Secretariat
email-confirmation-intro = We confirm your appointment at the Social Secretariat.
email-private-link = To see, move or cancel the appointment, use this personal link (do not send it to anyone else):
email-call-if-not-coming = If you cannot come, let us know by calling { $phone }.
email-not-emergency = Booking an appointment is not a way to get help in an emergency: if someone is in danger, call 112.

email-reminder-subject = Reminder: appointment at the Social Secretariat
email-reminder-intro = This is a reminder of your appointment at the Social Secretariat.
email-reminder-change = If you cannot come, cancel or move the appointment with your personal link:

email-cancelled-subject = Appointment at the Social Secretariat cancelled
email-cancelled-intro = We have cancelled your appointment at the Social Secretariat on { $date } at { $time }.
email-book-again = If you want, you can book a new appointment on the website.

email-moved-subject = Appointment at the Social Secretariat moved
email-moved-intro = Your appointment at the Social Secretariat has been moved.
email-desk-moved-intro = As agreed with the office, your appointment at the Social Secretariat has been moved.
email-desk-moved-link = To cancel or move it again, use this new personal link (the old one no longer works):

email-new-link-subject = The new link to your appointment at the Social Secretariat
email-new-link-intro = Here is your new personal link to see, move or cancel your appointment on { $date } at { $time } (booking code { $code }):
email-new-link-old = The old link no longer works. If you did not ask for a new link, you can ignore this email.

email-office-cancelled-subject = Appointment cancelled by the Social Secretariat
# { $why } is the office's reason as staff wrote it, in Italian: only the Italian text says it.
email-office-cancelled-intro = We are sorry: we had to cancel your appointment at the Social Secretariat on { $date } at { $time } ({ $office }).
email-office-cancelled-rebook = You can book a new appointment here:

calendar-summary = Appointment at the Social Secretariat
calendar-description = Booking code: { $code }. Bring an identity document with you.
