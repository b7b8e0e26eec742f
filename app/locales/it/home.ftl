# The home page.

home-title = Home
home-heading = Servizi sociali per le famiglie con figli minorenni
home-lead = Se la tua famiglia attraversa un momento difficile, il Servizio Sociale può aiutarti: informazioni, sostegno ai genitori, aiuti economici, progetti educativi per i ragazzi. Il primo passo è un colloquio con il Segretariato Sociale.
loading = Caricamento…
home-what-title = Che cosa possiamo fare per la tua famiglia
home-what = Ascoltiamo la tua situazione e, insieme a te, cerchiamo l'aiuto giusto: orientamento tra i servizi, sostegno educativo e psicologico, aiuti economici, accompagnamento al lavoro.
home-what-link = Scopri tutti i servizi
home-how-title = Come avere un appuntamento
home-how = Il Segretariato Sociale riceve solo su appuntamento. Il colloquio è gratuito. Puoi prenotarlo online, a qualsiasi ora, o per telefono negli orari della linea qui accanto.
home-how-link = Prenota un appuntamento
home-when-title = Quando puoi trovarci
home-offices = Le nostre sedi
office-phone = Telefono:
office-email = Email:
office-hours = Orari di ricevimento, solo su appuntamento
