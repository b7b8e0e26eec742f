# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Prenota un appuntamento
booking-lead = Il primo passo è un colloquio con il Segretariato Sociale: è gratuito e dura circa mezz'ora. Scegli la sede, il giorno e l'orario che preferisci.
booking-steps-label = Passi della prenotazione
booking-step = Passo
booking-step-done = (fatto)
booking-step-office = Sede
booking-step-topic = Argomento
booking-step-time = Giorno e orario
booking-step-details = I tuoi dati
booking-step-summary = Riepilogo
booking-change-office = Cambia sede
booking-change-topic = Cambia argomento
booking-change-time = Cambia giorno o orario
booking-when = { $date }, dalle { $starts } alle { $ends }
booking-time-range = dalle { $starts } alle { $ends }
booking-next = Avanti
booking-office-title = Prenota: scegli la sede
booking-office-question = Dove vuoi fare il colloquio?
booking-topic-title = Prenota: scegli l'argomento
booking-topic-question = Di che cosa vuoi parlare?
booking-topic-hint = Serve solo a preparare il colloquio. Se non sai cosa scegliere, va bene l'ultima voce.
booking-day-title = Prenota: scegli il giorno
booking-time-title = Prenota: scegli l'orario
booking-free-times-of = Orari liberi di { $date }
booking-seats = { $n ->
    [one] 1 posto libero
   *[other] { $n } posti liberi
}
booking-other-day = Scegli un altro giorno
booking-slot-gone = L'orario che avevi scelto non è più disponibile. Scegline un altro.
booking-day-full = Il giorno che avevi scelto non ha più posti liberi. Scegline un altro.

calendar-choose-day = Scegli il giorno
calendar-help = Sono cliccabili i giorni con almeno un orario libero.
calendar-days-of = Giorni di { $month }
calendar-free-times = { $n ->
    [one] 1 orario libero
   *[other] { $n } orari liberi
}
calendar-no-free-time = nessun orario libero
calendar-month-full = In questo mese non ci sono più orari liberi. Guarda il mese successivo o telefona al Segretariato Sociale.

details-title = Prenota: i tuoi dati
details-title-error = Errore: prenota, i tuoi dati
details-heading = I tuoi dati
details-lead = Chiediamo solo quello che serve per il colloquio.
details-given-name = Nome
details-family-name = Cognome
details-email = Email
details-email-hint = Ti mandiamo qui la conferma. Se non hai un'email, scrivi almeno il telefono.
details-phone = Telefono
details-cf = Codice fiscale
details-cf-hint = Non è obbligatorio. Aiuta l'ufficio a ritrovare una pratica che hai già.
details-language = In che lingua preferisci parlare?
details-interpreter = Mi serve un interprete o un mediatore culturale
details-accessibility = Esigenze di accessibilità
details-accessibility-hint = Per esempio: arrivo in sedia a rotelle, mi serve un interprete della lingua dei segni.
details-about = Di cosa vuoi parlare
details-about-hint = Al massimo 200 caratteri. Non scrivere dati sulla salute né fatti personali delicati: ne parlerai di persona al colloquio.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = Ho letto l'
details-privacy-link = informativa sul trattamento dei dati personali
details-privacy-after = : i miei dati servono solo per l'appuntamento.
details-continue = Continua
details-need-contact = Scrivi un indirizzo email o un numero di telefono: ci servono per confermare l'appuntamento.
details-choose-language = Scegli una lingua dall'elenco.
details-accessibility-too-long = Il testo sulle esigenze di accessibilità è troppo lungo: al massimo { $max } caratteri, ne hai scritti { $length }.
details-about-too-long = Il testo su cosa vuoi parlare è troppo lungo: al massimo { $max } caratteri, ne hai scritti { $length }.
details-privacy-needed = Per prenotare conferma di aver letto l'informativa sul trattamento dei dati.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = Italiano
interview-language-en = Inglese
interview-language-fr = Francese
interview-language-es = Spagnolo
interview-language-ar = Arabo
interview-language-zh = Cinese
interview-language-ro = Rumeno
interview-language-sq = Albanese
interview-language-uk = Ucraino
interview-language-altra = Un'altra lingua

summary-crumb = Riepilogo
summary-heading = Controlla e conferma
summary-title = Prenota: riepilogo
summary-taken-title = Errore: il posto scelto non è più libero
summary-name = Nome e cognome
summary-email-none = non indicata
summary-phone-none = non indicato
summary-language = Lingua
summary-interpreter = Interprete
summary-interpreter-yes = sì, serve un interprete o un mediatore
summary-accessibility = Accessibilità
summary-check = Controlla i dati: se qualcosa non va, torna indietro con il pulsante del browser e correggi.
summary-confirm = Conferma la prenotazione
summary-gone-heading = Il posto non è più disponibile
summary-no-alternatives = Non ci sono altri orari liberi vicini a quello che avevi scelto. Telefona al Segretariato Sociale ({ $phone }) o scegli un altro giorno.
summary-alternatives = Gli orari liberi più vicini a quello che avevi scelto:
summary-choose-this = Scegli questo orario
summary-already-title = Prenotazione già confermata
summary-already = Questa prenotazione è già confermata con il codice { $code }.
summary-see-confirmation = Vedi la conferma
draft-gone-title = Prenotazione scaduta
draft-gone = Questa prenotazione in corso è scaduta o non esiste più. Nessun appuntamento è stato registrato.
draft-restart = Ricomincia la prenotazione

confirmed-title = Prenotazione confermata
confirmed-not-found = Prenotazione non trovata
confirmed-code-intro = Il tuo appuntamento è registrato. Il codice della prenotazione è:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Codice { $spelled }
confirmed-email = Se hai indicato un indirizzo email, ti abbiamo mandato la conferma con il collegamento per annullare o spostare l'appuntamento. Annota comunque il codice: ti servirà se devi chiamare l'ufficio.
add-to-calendar = Aggiungi al calendario
confirmed-next = Cosa succede adesso
confirmed-bring-id = Porta con te un documento d'identità. Il colloquio è gratuito.
confirmed-cannot-come = Se non puoi venire, annulla o sposta l'appuntamento con il collegamento dell'email, o avvisa l'ufficio al numero { $phone }.
confirmed-lost-email = Hai perso l'email?
ask-new-link = Chiedi un nuovo collegamento
back-home = Torna alla pagina iniziale

manage-heading = Il tuo appuntamento
manage-bad-link-title = Collegamento non valido
manage-bad-link = Il collegamento non è valido o non è più attivo. Se ne hai chiesto uno nuovo, usa quello dell'ultima email.
manage-cancelled-said = Appuntamento annullato. Se hai un'email, ti abbiamo mandato la conferma.
manage-moved-said = Appuntamento spostato. Se hai un'email, ti abbiamo mandato la conferma.
manage-cancelled-title = Appuntamento annullato
manage-is-cancelled = Questo appuntamento è annullato.
book-new = Prenota un nuovo appuntamento
manage-too-late = Mancano meno di { $hours } ore all'appuntamento: per annullarlo o spostarlo telefona al { $phone }.
manage-code = Codice
manage-when = Quando
manage-where = Dove
manage-name = A nome di
manage-move = Sposta l'appuntamento
manage-keep = Lascia l'appuntamento com'è
manage-cancel = Annulla l'appuntamento
manage-day-full = In questo giorno non ci sono più orari liberi.
manage-move-here = Sposta a questo orario

new-link-title = Hai perso il collegamento?
new-link-lead = Scrivi il codice della prenotazione e l'email o il telefono che hai dato prenotando: ti mandiamo per email un nuovo collegamento per vedere, spostare o annullare l'appuntamento.
new-link-sent = Se il codice e l'email o il telefono corrispondono a un appuntamento in programma, ti abbiamo mandato un'email con il nuovo collegamento. Il collegamento precedente non funziona più.
new-link-code = Codice della prenotazione
new-link-code-hint = 8 caratteri, per esempio K7MP3XQ9.
new-link-contact = Email o telefono
new-link-send = Mandami un nuovo collegamento

# What a form says when the booking cannot go on.
error-slot-taken = Il posto che avevi scelto non è più disponibile: qualcuno l'ha prenotato prima di te. Scegli uno degli orari liberi qui sotto: i tuoi dati restano quelli che hai inserito.
error-draft-expired = La prenotazione in corso è scaduta o non esiste. Ricomincia dalla scelta della sede: ci vuole un minuto.
error-choose-listed = Scegli uno degli orari liberi dell'elenco.
error-just-taken = Questo orario è stato appena prenotato da un'altra persona. Scegline un altro.
error-booking-failed = Non è stato possibile registrare la prenotazione. Riprova tra un momento.
error-too-late-cancel = Mancano meno di { $hours } ore all'appuntamento: non è più possibile annullare l'appuntamento online. Telefona al { $phone }.
error-too-late-move = Mancano meno di { $hours } ore all'appuntamento: non è più possibile spostare l'appuntamento online. Telefona al { $phone }.
error-link-gone = Il collegamento non è valido o è scaduto. Se hai perso il collegamento, chiedine uno nuovo.
error-code-shape = Scrivi il codice della prenotazione: 8 caratteri, lettere e numeri.
error-contact-missing = Scrivi l'email o il numero di telefono che hai dato prenotando.
error-too-many = Con questo indirizzo email o numero di telefono ci sono già { $max } appuntamenti in programma. Per prenotarne un altro annulla prima uno di quelli, oppure telefona al Segretariato Sociale ({ $phone }).
