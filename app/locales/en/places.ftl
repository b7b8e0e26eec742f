# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Open now, until { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Closed today ({ $reason }).
opening-closed-now = Closed now.
opening-reopens = Reopens { $when } at { $time }
opening-none-soon = No opening times planned in the next three months
opening-today = today
opening-tomorrow = tomorrow
# Days with the same hours: "From Monday to Thursday", "Monday and Tuesday".
hours-days-range = From { $first } to { $last }
hours-days-two = { $first } and { $last }
hours-two-windows = { $first } and { $second }

contacts-title = Contacts
contacts-loading = Loading the contact details…
contacts-lead = The Social Secretariat sees people by appointment only. To get a meeting, call during the hours shown. To ask something in writing, use the form:
contacts-phone = Phone
contacts-offices = Offices
contacts-organisation = Organisation
contacts-switchboard = Switchboard:

topics-title = Topics
topics-lead = The services grouped by topic. Choose a topic to see the services about it.
topics-services = { $n ->
    [one] 1 service
   *[other] { $n } services
}

services-title = Services
services-lead = Here you find all the services for families with children under 18. For almost all of them, the first step is a meeting with the Social Secretariat, by appointment.
services-loading = Loading the services…
services-search-label = Search the services
services-search = Search for a service
services-search-hint = For example: financial help, foster care, school.
services-category = Category
services-all-categories = All categories
services-topic = Topic
services-all-topics = All topics
services-search-button = Search
services-show-all = Show all the services
services-none-found = No service matches your search. Try other words or remove a filter.
services-found = { $n ->
    [one] 1 service found.
   *[other] { $n } services found.
}
services-count = { $n ->
    [one] 1 service.
   *[other] { $n } services.
}
service-active = Active service
service-topics = Topics
service-index = On this page
service-for-whom = Who it is for
service-how-to = How to apply
service-needed = What you need
service-obtained = What you get
service-times = Times and deadlines
service-conditions = Conditions of service
service-access = Access the service
service-book-meeting = Book a meeting with the Social Secretariat
service-read-conditions = Read the conditions of service: access, costs, rights and commitments
service-answers = Answered by:
service-by-appointment = Open by appointment only:
updated-on = Last updated: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = This page is not translated into English yet: below is the text in Italian.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = This translation may be out of date: the Italian text has changed since it was made.
read-in-italian = Read this page in Italian
# How a service is reached, under "service-access".
service-access-appointment = To use this service, you first have a meeting with the Social Secretariat (Segretariato Sociale). You need an appointment.
service-access-appointment-or-court = To use this service, you first have a meeting with the Social Secretariat (Segretariato Sociale). You need an appointment. The service can also start when a court (Autorità Giudiziaria) asks for it.
service-access-court = This service starts when a court (Autorità Giudiziaria) asks for it: the service contacts the family. If you have questions, you can ask for a meeting with the Social Secretariat (Segretariato Sociale).
