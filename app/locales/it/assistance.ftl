# "Richiedi assistenza", its answer, and the page for an address that leads nowhere.

assistance-title = Richiedi assistenza
assistance-title-error = Errore: richiedi assistenza
assistance-lead = Non trovi un'informazione o hai un problema con il sito? Scrivici: ti rispondiamo per email, di solito entro due giorni lavorativi.
assistance-not-emergency = Questo modulo non serve per le emergenze.
assistance-call-112 = Se tu o un bambino siete in pericolo, chiama subito il 112.
assistance-email-hint = Ti risponderemo a questo indirizzo.
assistance-topic = Argomento
assistance-message = Messaggio
assistance-message-hint = Al massimo 1000 caratteri. Non scrivere dati sulla salute né fatti personali delicati: ne parlerai di persona con l'assistente sociale.
assistance-privacy = Ho letto l'informativa sul trattamento dei dati personali: i dati di questo modulo servono solo a rispondere alla richiesta.
assistance-send = Invia la richiesta
assistance-topic-servizi = Informazioni sui servizi
assistance-topic-appuntamento = Appuntamenti con il Segretariato Sociale
assistance-topic-sito = Problemi nell'uso del sito
assistance-topic-disservizio = Segnalare un disservizio
assistance-topic-altro = Altro
assistance-choose-topic = Scegli l'argomento della richiesta.
assistance-write-message = Scrivi il messaggio.
assistance-message-too-long = Il messaggio è troppo lungo: al massimo { $max } caratteri, ne hai scritti { $length }.
assistance-privacy-needed = Per inviare la richiesta conferma di aver letto l'informativa privacy.
assistance-sent-title = Richiesta inviata
assistance-sent = Abbiamo ricevuto il tuo messaggio. Ti risponderemo all'indirizzo email che hai indicato.
assistance-sent-book = Se devi parlare con un'assistente sociale, puoi anche prenotare un colloquio con il Segretariato Sociale.

not-found-title = Pagina non trovata
not-found = L'indirizzo che hai aperto non corrisponde a nessuna pagina. Forse è stato scritto male, o la pagina è stata spostata.
not-found-home = Vai alla pagina iniziale
not-found-write = Scrivici se non trovi quello che cerchi
