# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Qui sotto trovi lo stesso messaggio in italiano.
email-greeting = Gentile { $name },
email-when = Quando: { $when }
email-new-day = Nuovo giorno: { $when }
email-where = Dove: { $place }
email-code = Codice della prenotazione: { $code }
email-bring-id = Porta con te un documento d'identità.
email-bring-id-free = Porta con te un documento d'identità. Il colloquio è gratuito.
email-or-call = oppure telefona al { $phone }.

email-confirmation-subject = Il tuo appuntamento presso il Segretariato Sociale
email-confirmation-intro = ti confermiamo l'appuntamento presso il Segretariato Sociale.
email-private-link = Per vedere, spostare o annullare l'appuntamento usa questo collegamento personale (non inoltrarlo ad altri):
email-call-if-not-coming = Se non puoi venire, avvisaci chiamando il numero { $phone }.
email-not-emergency = La prenotazione non è un canale per le emergenze: in caso di pericolo chiama il 112.

email-reminder-subject = Promemoria: appuntamento presso il Segretariato Sociale
email-reminder-intro = ti ricordiamo l'appuntamento presso il Segretariato Sociale.
email-reminder-change = Se non puoi venire, annulla o sposta l'appuntamento con il tuo collegamento personale:

email-cancelled-subject = Appuntamento annullato presso il Segretariato Sociale
email-cancelled-intro = abbiamo annullato il tuo appuntamento presso il Segretariato Sociale di { $date }, alle { $time }.
email-book-again = Se vuoi, puoi prenotare un nuovo appuntamento dal sito.

email-moved-subject = Appuntamento spostato presso il Segretariato Sociale
email-moved-intro = il tuo appuntamento presso il Segretariato Sociale è stato spostato.
email-desk-moved-intro = come concordato con lo sportello, il tuo appuntamento presso il Segretariato Sociale è stato spostato.
email-desk-moved-link = Per annullarlo o spostarlo di nuovo usa questo nuovo collegamento personale (quello di prima non vale più):

email-new-link-subject = Il nuovo collegamento al tuo appuntamento presso il Segretariato Sociale
email-new-link-intro = ecco il nuovo collegamento personale per vedere, spostare o annullare il tuo appuntamento di { $date } alle { $time } (codice { $code }):
email-new-link-old = Il collegamento precedente non funziona più. Se non l'hai chiesto tu, puoi ignorare questa email.

email-office-cancelled-subject = Appuntamento annullato dal Segretariato Sociale
# { $why } is the office's reason as staff wrote it, in Italian: only the Italian text says it.
email-office-cancelled-intro = ci dispiace: abbiamo dovuto annullare il tuo appuntamento presso il Segretariato Sociale di { $date }, alle { $time } ({ $office }), { $why }.
email-office-cancelled-rebook = Puoi prenotare un nuovo appuntamento qui:

calendar-summary = Appuntamento presso il Segretariato Sociale
calendar-description = Codice della prenotazione: { $code }. Porta con te un documento d'identità.
