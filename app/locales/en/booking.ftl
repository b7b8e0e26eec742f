# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Book an appointment
booking-lead = The first step is a meeting with the Social Secretariat. It is free and takes about half an hour. Choose the office, the day and the time that suit you.
booking-steps-label = Booking steps
booking-step = Step
booking-step-done = (done)
booking-step-office = Office
booking-step-topic = Topic
booking-step-time = Day and time
booking-step-details = Your details
booking-step-summary = Summary
booking-change-office = Change office
booking-change-topic = Change topic
booking-change-time = Change day or time
booking-when = { $date }, from { $starts } to { $ends }
booking-time-range = from { $starts } to { $ends }
booking-next = Next
booking-office-title = Book: choose the office
booking-office-question = Where would you like to have the meeting?
booking-topic-title = Book: choose the topic
booking-topic-question = What would you like to talk about?
booking-topic-hint = This only helps us prepare for the meeting. If you are not sure what to choose, the last option is fine.
booking-day-title = Book: choose the day
booking-time-title = Book: choose the time
booking-free-times-of = Free times on { $date }
booking-seats = { $n ->
    [one] 1 place left
   *[other] { $n } places left
}
booking-other-day = Choose another day
booking-slot-gone = The time you chose is no longer available. Please choose another one.
booking-day-full = The day you chose has no free places left. Please choose another one.

calendar-choose-day = Choose the day
calendar-help = You can click on the days that have at least one free time.
calendar-days-of = Days in { $month }
calendar-free-times = { $n ->
    [one] 1 free time
   *[other] { $n } free times
}
calendar-no-free-time = no free times
calendar-month-full = There are no free times left this month. Look at the next month or call the Social Secretariat.

details-title = Book: your details
details-title-error = Error: book, your details
details-heading = Your details
details-lead = We only ask for what we need for the meeting.
details-given-name = First name
details-family-name = Surname
details-email = Email
details-email-hint = We will send the confirmation here. If you do not have an email address, please give at least your phone number.
details-phone = Phone
details-cf = Tax code (codice fiscale)
details-cf-hint = You do not have to give it. It helps the office find a file you already have.
details-language = Which language would you prefer to speak?
details-interpreter = I need an interpreter or a cultural mediator
details-accessibility = Accessibility needs
details-accessibility-hint = For example: I come in a wheelchair, I need a sign language interpreter.
details-about = What you would like to talk about
details-about-hint = At most 200 characters. Do not write about your health or very personal matters: you can talk about them in person at the meeting.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = I have read the 
details-privacy-link = privacy notice
details-privacy-after = : my details are used only for this appointment.
details-continue = Continue
details-need-contact = Write an email address or a phone number: we need it to confirm the appointment.
details-choose-language = Choose a language from the list.
details-accessibility-too-long = The text about accessibility needs is too long: at most { $max } characters, you wrote { $length }.
details-about-too-long = The text about what you want to talk about is too long: at most { $max } characters, you wrote { $length }.
details-privacy-needed = To book, confirm that you have read the privacy notice.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = Italian
interview-language-en = English
interview-language-fr = French
interview-language-es = Spanish
interview-language-ar = Arabic
interview-language-zh = Chinese
interview-language-ro = Romanian
interview-language-sq = Albanian
interview-language-uk = Ukrainian
interview-language-altra = Another language

summary-crumb = Summary
summary-heading = Check and confirm
summary-title = Book: summary
summary-taken-title = Error: the place you chose is no longer free
summary-name = Name and surname
summary-email-none = not given
summary-phone-none = not given
summary-language = Language
summary-interpreter = Interpreter
summary-interpreter-yes = yes, I need an interpreter or a mediator
summary-accessibility = Accessibility
summary-check = Check your details. If something is wrong, go back with your browser's back button and correct it.
summary-confirm = Confirm the booking
summary-gone-heading = The place is no longer available
summary-no-alternatives = There are no other free times close to the one you chose. Call the Social Secretariat ({ $phone }) or choose another day.
summary-alternatives = The free times closest to the one you chose:
summary-choose-this = Choose this time
summary-already-title = Booking already confirmed
summary-already = This booking is already confirmed with the code { $code }.
summary-see-confirmation = See the confirmation
draft-gone-title = Booking expired
draft-gone = The booking you started has expired or no longer exists. No appointment has been saved.
draft-restart = Start the booking again

confirmed-title = Booking confirmed
confirmed-not-found = Booking not found
confirmed-code-intro = Your appointment is saved. Your booking code is:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Code { $spelled }
confirmed-email = If you gave an email address, we have sent you the confirmation with the link to cancel or move the appointment. Write down the code anyway: you will need it if you have to call the office.
add-to-calendar = Add to calendar
confirmed-next = What happens now
confirmed-bring-id = Bring an identity document with you. The meeting is free.
confirmed-cannot-come = If you cannot come, cancel or move the appointment with the link in the email, or let the office know on { $phone }.
confirmed-lost-email = Lost the email?
ask-new-link = Ask for a new link
back-home = Back to the home page

manage-heading = Your appointment
manage-bad-link-title = Link not valid
manage-bad-link = The link is not valid or no longer works. If you asked for a new one, use the one in the latest email.
manage-cancelled-said = Appointment cancelled. If you have an email address, we have sent you a confirmation.
manage-moved-said = Appointment moved. If you have an email address, we have sent you a confirmation.
manage-cancelled-title = Appointment cancelled
manage-is-cancelled = This appointment has been cancelled.
book-new = Book a new appointment
manage-too-late = Your appointment is less than { $hours } hours away: to cancel or move it, call { $phone }.
manage-code = Code
manage-when = When
manage-where = Where
manage-name = Booked for
manage-move = Move the appointment
manage-keep = Keep the appointment as it is
manage-cancel = Cancel the appointment
manage-day-full = There are no free times left on this day.
manage-move-here = Move to this time

new-link-title = Lost your link?
new-link-lead = Write your booking code and the email or phone number you gave when you booked. We will email you a new link to see, move or cancel the appointment.
new-link-sent = If the code and the email or phone number match an upcoming appointment, we have sent you an email with a new link. The old link no longer works.
new-link-code = Booking code
new-link-code-hint = 8 characters, for example K7MP3XQ9.
new-link-contact = Email or phone
new-link-send = Send me a new link

# What a form says when the booking cannot go on.
error-slot-taken = The place you chose is no longer available: someone else booked it before you. Choose one of the free times below. The details you entered are kept.
error-draft-expired = The booking you started has expired or does not exist. Start again by choosing the office: it only takes a minute.
error-choose-listed = Choose one of the free times in the list.
error-just-taken = Someone else has just booked this time. Please choose another one.
error-booking-failed = We could not save your booking. Please try again in a moment.
error-too-late-cancel = Your appointment is less than { $hours } hours away: you can no longer cancel it online. Call { $phone }.
error-too-late-move = Your appointment is less than { $hours } hours away: you can no longer move it online. Call { $phone }.
error-link-gone = The link is not valid or has expired. If you have lost the link, ask for a new one.
error-code-shape = Write the booking code: 8 characters, letters and numbers.
error-contact-missing = Write the email or phone number you gave when you booked.
error-too-many = There are already { $max } upcoming appointments with this email address or phone number. To book another one, first cancel one of them, or call the Social Secretariat ({ $phone }).
