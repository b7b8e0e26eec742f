# The frame of every public page: the header, the emergency numbers, the footer.
# Italian is the source: every other language has the same messages.

skip-to-content = Vai al contenuto principale
site-tagline = Servizi sociali per le famiglie con minori
nav-label = Menu principale
nav-home = Home
nav-services = Servizi
nav-topics = Argomenti
nav-assistance = Richiedi assistenza
language-switcher = Lingua
# Shown to a browser that prefers another of our languages, in that language.
language-offer = Questa pagina è disponibile anche in italiano.
language-offer-link = Leggila in italiano

# The emergency numbers: each sentence is followed by its number, as a link.
emergency-label = Numeri di emergenza
emergency-danger = In caso di pericolo immediato chiama il
emergency-children = Per bambini e ragazzi in difficoltà:
emergency-children-line = 114 Emergenza Infanzia
emergency-violence = Contro la violenza e lo stalking:
full-stop = .
emergency-not-a-channel = La prenotazione di un appuntamento non è un canale per le emergenze.

footer-tagline = Sportello dei servizi sociali per le famiglie
footer-about = Sportello è il punto di accesso online al Segretariato Sociale. I dati che inserisci sono trattati solo per rispondere alle tue richieste.
footer-contacts = Contatti
footer-report = Segnala un disservizio
footer-privacy = Informativa privacy
footer-accessibility = Dichiarazione di accessibilità
footer-legal = Note legali
footer-faq = Domande frequenti
breadcrumb-label = Percorso
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = La pagina o l'elemento che cerchi non esiste più o non è mai esistito.
error-forbidden = Non hai i permessi per questa operazione.
error-unavailable = Il servizio non è raggiungibile in questo momento. Riprova tra qualche minuto; se il problema continua, comunica all'ufficio questo codice: { $code }.
error-internal = Si è verificato un problema tecnico e la richiesta non è andata a buon fine. Riprova più tardi; se il problema continua, comunica all'ufficio questo codice: { $code }.
error-form-incomplete = Il modulo è arrivato incompleto. Controlla i dati e invialo di nuovo.
