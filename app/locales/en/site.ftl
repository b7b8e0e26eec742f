skip-to-content = Skip to main content
site-tagline = Social services for families with children
nav-label = Main menu
nav-home = Home
nav-services = Services
nav-topics = Topics
nav-assistance = Ask for help
language-switcher = Language
language-offer = This page is also available in English.
language-offer-link = Read it in English

emergency-label = Emergency numbers
emergency-danger = If someone is in immediate danger, call
emergency-children = For children and young people in trouble:
emergency-children-line = 114 Child Emergency Line
emergency-violence = Against violence and stalking:
full-stop = .
emergency-not-a-channel = Booking an appointment is not a way to get help in an emergency.

footer-tagline = The social services' help desk for families
footer-about = Sportello is the online entrance to the Social Secretariat (Segretariato Sociale). The details you give are used only to answer your requests.
footer-contacts = Contacts
footer-report = Report a problem with the service
footer-privacy = Privacy notice
footer-accessibility = Accessibility statement
footer-legal = Legal notes
footer-faq = Frequently asked questions
breadcrumb-label = You are here
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = The page or item you are looking for no longer exists, or never existed.
error-forbidden = You do not have permission for this.
error-unavailable = The service cannot be reached right now. Please try again in a few minutes; if the problem continues, give the office this code: { $code }.
error-internal = A technical problem stopped your request. Please try again later; if the problem continues, give the office this code: { $code }.
error-form-incomplete = The form arrived incomplete. Please check your details and send it again.
