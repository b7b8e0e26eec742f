# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Aperto ora, fino alle { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Chiuso oggi ({ $reason }).
opening-closed-now = Chiuso ora.
opening-reopens = Riapre { $when } alle { $time }
opening-none-soon = Nessuna apertura prevista nei prossimi tre mesi
opening-today = oggi
opening-tomorrow = domani
# Days with the same hours: "Da lunedì a giovedì", "Lunedì e martedì".
hours-days-range = Da { $first } a { $last }
hours-days-two = { $first } e { $last }
hours-two-windows = { $first } e { $second }

contacts-title = Contatti
contacts-loading = Caricamento dei recapiti…
contacts-lead = Il Segretariato Sociale riceve solo su appuntamento. Per un colloquio telefona negli orari indicati. Per una domanda scritta usa il modulo:
contacts-phone = Telefono
contacts-offices = Sedi
contacts-organisation = Ente
contacts-switchboard = Centralino:

topics-title = Argomenti
topics-lead = I servizi raccolti per argomento. Scegli un argomento per vedere i servizi che lo riguardano.
topics-services = { $n ->
    [one] 1 servizio
   *[other] { $n } servizi
}

services-title = Servizi
services-lead = Qui trovi tutti i servizi per le famiglie con figli minorenni. Per quasi tutti il primo passo è un colloquio con il Segretariato Sociale, su appuntamento.
services-loading = Caricamento dei servizi…
services-search-label = Cerca tra i servizi
services-search = Cerca un servizio
services-search-hint = Per esempio: aiuto economico, affido, scuola.
services-category = Categoria
services-all-categories = Tutte le categorie
services-topic = Argomento
services-all-topics = Tutti gli argomenti
services-search-button = Cerca
services-show-all = Mostra tutti i servizi
services-none-found = Nessun servizio corrisponde alla ricerca. Prova con altre parole o togli un filtro.
services-found = { $n ->
    [one] 1 servizio trovato.
   *[other] { $n } servizi trovati.
}
services-count = { $n ->
    [one] 1 servizio.
   *[other] { $n } servizi.
}
service-active = Servizio attivo
service-topics = Argomenti
service-index = Indice della pagina
service-for-whom = A chi è rivolto
service-how-to = Come fare
service-needed = Cosa serve
service-obtained = Cosa si ottiene
service-times = Tempi e scadenze
service-conditions = Condizioni di servizio
service-access = Accedi al servizio
service-book-meeting = Prenota un colloquio con il Segretariato Sociale
service-read-conditions = Leggi le condizioni di servizio: accesso, costi, diritti e impegni
service-answers = Risponde:
service-by-appointment = Riceve solo su appuntamento:
updated-on = Ultimo aggiornamento: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Questa pagina non è ancora tradotta in italiano: qui sotto trovi il testo in italiano.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Questa traduzione potrebbe non essere aggiornata: il testo in italiano è cambiato dopo.
read-in-italian = Leggi la pagina in italiano
# How a service is reached, under "service-access".
service-access-appointment = Si accede con un colloquio al Segretariato Sociale, su appuntamento.
service-access-appointment-or-court = Si accede con un colloquio al Segretariato Sociale, su appuntamento. Il servizio può partire anche su incarico dell'Autorità Giudiziaria (il Tribunale).
service-access-court = Questo servizio parte su incarico dell'Autorità Giudiziaria (il Tribunale): è il servizio a contattare la famiglia. Se hai domande, puoi chiedere un colloquio al Segretariato Sociale.
