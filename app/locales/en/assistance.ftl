# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = Ask for help
assistance-title-error = Error: ask for help
assistance-lead = Is some information missing, or do you have a problem with the website? Write to us: we will answer by email, usually within two working days.
assistance-not-emergency = This form is not for emergencies.
assistance-call-112 = If you or a child are in danger, call 112 straight away.
assistance-email-hint = We will answer you at this address.
assistance-topic = Topic
assistance-message = Message
assistance-message-hint = At most 1000 characters. Do not write about your health or very personal matters: you will talk about them in person with the social worker.
assistance-privacy = I have read the privacy notice: the details in this form are used only to answer my request.
assistance-send = Send the request
assistance-topic-servizi = Information about the services
assistance-topic-appuntamento = Appointments with the Social Secretariat
assistance-topic-sito = Problems using the website
assistance-topic-disservizio = Report a problem with the service
assistance-topic-altro = Something else
assistance-choose-topic = Choose the topic of your request.
assistance-write-message = Write your message.
assistance-message-too-long = The message is too long: at most { $max } characters, you wrote { $length }.
assistance-privacy-needed = To send the request, confirm that you have read the privacy notice.
assistance-sent-title = Request sent
assistance-sent = We have received your message. We will answer you at the email address you gave.
assistance-sent-book = If you need to talk to a social worker, you can also book a meeting with the Social Secretariat.

not-found-title = Page not found
not-found = The address you opened does not lead to any page. Maybe it was written wrongly, or the page has moved.
not-found-home = Go to the home page
not-found-write = Write to us if you cannot find what you are looking for
