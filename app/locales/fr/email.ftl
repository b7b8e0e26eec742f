# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Vous trouverez ci-dessous le même message en italien.
email-greeting = Bonjour { $name },
email-when = Quand : { $when }
email-new-day = Nouvelle date : { $when }
email-where = Où : { $place }
email-code = Code de la réservation : { $code }
email-bring-id = Apportez une pièce d’identité.
email-bring-id-free = Apportez une pièce d’identité. L’entretien est gratuit.
email-or-call = ou appelez le { $phone }.

email-confirmation-subject = Votre rendez-vous au Secrétariat social
email-confirmation-intro = Nous vous confirmons votre rendez-vous au Secrétariat social.
email-private-link = Pour voir, déplacer ou annuler le rendez-vous, utilisez ce lien personnel (ne l’envoyez à personne d’autre) :
email-call-if-not-coming = Si vous ne pouvez pas venir, prévenez-nous en appelant le { $phone }.
email-not-emergency = Prendre rendez-vous ne permet pas d’obtenir de l’aide en urgence : en cas de danger, appelez le 112.

email-reminder-subject = Rappel : rendez-vous au Secrétariat social
email-reminder-intro = Nous vous rappelons votre rendez-vous au Secrétariat social.
email-reminder-change = Si vous ne pouvez pas venir, annulez ou déplacez le rendez-vous avec votre lien personnel :

email-cancelled-subject = Rendez-vous annulé au Secrétariat social
email-cancelled-intro = Nous avons annulé votre rendez-vous au Secrétariat social du { $date } à { $time }.
email-book-again = Si vous le souhaitez, vous pouvez prendre un nouveau rendez-vous sur le site.

email-moved-subject = Rendez-vous déplacé au Secrétariat social
email-moved-intro = Votre rendez-vous au Secrétariat social a été déplacé.
email-desk-moved-intro = Comme convenu avec le bureau, votre rendez-vous au Secrétariat social a été déplacé.
email-desk-moved-link = Pour l’annuler ou le déplacer à nouveau, utilisez ce nouveau lien personnel (l’ancien ne fonctionne plus) :

email-new-link-subject = Le nouveau lien vers votre rendez-vous au Secrétariat social
email-new-link-intro = Voici votre nouveau lien personnel pour voir, déplacer ou annuler votre rendez-vous du { $date } à { $time } (code de la réservation { $code }) :
email-new-link-old = L’ancien lien ne fonctionne plus. Si vous n’avez pas demandé de nouveau lien, vous pouvez ignorer cet e-mail.

email-office-cancelled-subject = Rendez-vous annulé par le Secrétariat social
# { $why } is the office's reason as staff wrote it, in Italian: only the Italian text says it.
email-office-cancelled-intro = Nous sommes désolés : nous avons dû annuler votre rendez-vous au Secrétariat social du { $date } à { $time } ({ $office }).
email-office-cancelled-rebook = Vous pouvez prendre un nouveau rendez-vous ici :

calendar-summary = Rendez-vous au Secrétariat social
calendar-description = Code de la réservation : { $code }. Apportez une pièce d’identité.
