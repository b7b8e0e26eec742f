# The families' personal area: signing in with SPID or CIE, and its home.

area-title = Area personale
area-sign-in-title = Accedi all'area personale
area-sign-in-lead = Nell'area personale trovi i tuoi appuntamenti con il Segretariato Sociale e, quando l'assistente sociale che segue la tua famiglia lo decide, a che punto sono le tue richieste.
area-sign-in-how = Entra con la tua identità digitale: non serve un'altra password.
# { $provider } is the identity provider's name: SPID, CIE.
area-sign-in-with = Entra con { $provider }
area-sign-in-none = L'accesso all'area personale non è ancora attivo. Per un appuntamento già preso usa il link che hai ricevuto per email.
area-sign-in-cancelled = Non sei entrato: l'accesso è stato annullato. Puoi riprovare quando vuoi.
area-sign-in-failed = Non è stato possibile completare l'accesso. Riprova tra qualche minuto; se non riesci, scrivici dalla pagina Assistenza.
area-sign-in-expired = Sei uscito perché non hai usato l'area personale per un po'. Entra di nuovo per continuare.
area-signed-out = Sei uscito dall'area personale. Se usi un computer condiviso, chiudi anche il browser.
# { $name } is the person's name as their digital identity gives it.
area-already-in = Sei già entrato come { $name }.
area-go-home = Vai all'area personale
area-booking-without = Per prenotare un appuntamento non serve entrare.
area-booking-link = Prenota un appuntamento
area-fiscal-code = Codice fiscale
area-sign-out = Esci
area-not-signed-in = Per vedere questa pagina entra nell'area personale.

area-appointments = I tuoi appuntamenti
area-appointments-none = Non hai appuntamenti in programma prenotati con il tuo codice fiscale.
area-appointments-past = Appuntamenti passati o annullati
area-appointment-cancelled = Annullato
# { $code } is the booking code, e.g. K7M2Q9TX.
area-appointment-open = Vedi, sposta o annulla l'appuntamento { $code }
area-book-new = Prenota un nuovo appuntamento
area-appointment-title = Il tuo appuntamento
area-appointment-missing = Questo appuntamento non è tra quelli prenotati con il tuo codice fiscale.
area-back = Torna all'area personale

area-requests = Le tue richieste
area-requests-lead = Qui vedi a che punto sono le richieste della tua famiglia, quando l'assistente sociale decide di mostrartele.
area-requests-none = Per ora non ci sono richieste da mostrarti.
# { $date } is the day the request was received, { $topic } what it is about.
area-request-title = Richiesta del { $date }: { $topic }
area-request-state = Stato: { $state }
area-state-waiting = in attesa di essere presa in carico
area-state-taken = presa in carico dal servizio
area-state-closed = conclusa
area-step-received = Ricevuta il { $date }
area-step-taken = Presa in carico il { $date }
area-step-closed = Conclusa il { $date }

area-messages = Messaggi con il servizio
area-messages-lead = Qui leggi i messaggi dell'assistente sociale che segue la tua famiglia e puoi rispondere.
area-messages-none = Non ci sono messaggi per te.
area-messages-link = Leggi i messaggi e rispondi
area-message-you = Tu
area-message-reply = La tua risposta
area-message-reply-hint = L'assistente sociale la legge nel fascicolo della tua famiglia. Non è un canale per le emergenze: in caso di pericolo chiama il 112.
area-message-send = Invia la risposta
area-message-sent = Risposta inviata.
area-message-empty = Scrivi il messaggio.
# { $max } is a number of characters.
area-message-too-long = Il messaggio è troppo lungo: al massimo { $max } caratteri.
area-message-closed = Il percorso con il servizio è concluso: per scrivere usa la pagina Assistenza.

area-documents = Documenti chiesti dal servizio
area-documents-lead = L'assistente sociale che segue la tua famiglia ti chiede questi documenti. Puoi inviarli da qui, oppure portarli al prossimo colloquio o allo sportello.
# { $date } is the day the document was asked for.
area-document-asked = Chiesto il { $date }
# { $date } is the day the family's file arrived.
area-document-received = Inviato il { $date }: il servizio lo ha ricevuto.
area-document-send = Invia il documento
area-document-done = Grazie: il documento è arrivato al servizio.
area-document-title = Invia un documento al servizio
area-document-file = Il file del documento
# { $mb } is the largest file, in megabytes.
area-document-file-hint = Un PDF o una foto (JPEG o PNG), al massimo { $mb } MB. Lo vede solo il servizio che segue la tua famiglia.
area-document-missing = Questo documento non è tra quelli che il servizio ha chiesto alla tua famiglia.
area-document-already = Questo documento è già arrivato al servizio: non serve inviarlo di nuovo.
area-file-missing = Scegli il file da inviare.
# { $mb } is the largest file, in megabytes.
area-file-too-large = Il file è troppo grande o non è arrivato intero: al massimo { $mb } MB. Scegline uno più piccolo, per esempio una foto con una risoluzione più bassa.
area-file-not-allowed = Il file deve essere un PDF o una foto JPEG o PNG.
# { $code } is the request's id, for the staff to find the cause.
area-file-not-saved = In questo momento non è stato possibile salvare il file, e non è cambiato nulla. Riprova più tardi; se il problema continua, scrivici dalla pagina Assistenza con questo codice: { $code }.

# { $email } is the address the identity provider gave.
area-email-lead = Hai prenotato senza codice fiscale? Conferma la tua email { $email } per vedere qui anche gli appuntamenti prenotati con questa email.
area-email-confirm = Conferma la tua email
# { $email } is the address the identity provider gave.
area-email-sent = Ti abbiamo scritto a { $email }: per confermare, apri entro un giorno il link nel messaggio, da questo browser.
# { $email } is the address the identity provider gave.
area-email-confirmed = Email confermata: qui vedi anche gli appuntamenti prenotati con { $email }.
area-email-invalid = Il link di conferma non è valido o è scaduto. Chiedi una nuova email di conferma.
