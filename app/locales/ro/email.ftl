# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Mai jos găsești același mesaj în limba italiană.
email-greeting = Bună ziua, { $name },
email-when = Când: { $when }
email-new-day = Data nouă: { $when }
email-where = Unde: { $place }
email-code = Codul programării: { $code }
email-bring-id = Ia cu tine un act de identitate.
email-bring-id-free = Ia cu tine un act de identitate. Discuția este gratuită.
email-or-call = sau sună la { $phone }.

email-confirmation-subject = Programarea ta la Secretariatul Social
email-confirmation-intro = Îți confirmăm programarea la Secretariatul Social (Segretariato Sociale).
email-private-link = Ca să vezi, să muți sau să anulezi programarea, folosește acest link personal (nu-l trimite altcuiva):
email-call-if-not-coming = Dacă nu poți veni, anunță-ne la numărul { $phone }.
email-not-emergency = Programarea nu este o cale de a primi ajutor în caz de urgență: dacă există un pericol, sună la 112.

email-reminder-subject = Reamintire: programarea ta la Secretariatul Social
email-reminder-intro = Îți reamintim programarea ta la Secretariatul Social (Segretariato Sociale).
email-reminder-change = Dacă nu poți veni, anulează sau mută programarea cu linkul tău personal:

email-cancelled-subject = Programare anulată la Secretariatul Social
email-cancelled-intro = Am anulat programarea ta de { $date }, la ora { $time }, la Secretariatul Social.
email-book-again = Dacă vrei, poți face o programare nouă pe site.

email-moved-subject = Programare mutată la Secretariatul Social
email-moved-intro = Programarea ta la Secretariatul Social a fost mutată.
email-desk-moved-intro = Așa cum ai stabilit cu biroul, programarea ta la Secretariatul Social a fost mutată.
email-desk-moved-link = Ca s-o anulezi sau s-o muți din nou, folosește acest link personal nou (cel vechi nu mai funcționează):

email-new-link-subject = Linkul nou pentru programarea ta la Secretariatul Social
email-new-link-intro = Iată linkul personal nou ca să vezi, să muți sau să anulezi programarea ta de { $date }, la ora { $time } (codul { $code }):
email-new-link-old = Linkul vechi nu mai funcționează. Dacă nu l-ai cerut tu, poți ignora acest e-mail.

email-office-cancelled-subject = Programare anulată de Secretariatul Social
# { $why } is the office's reason as staff wrote it, in Italian: only the Italian text says it.
email-office-cancelled-intro = Ne pare rău: a trebuit să anulăm programarea ta de { $date }, la ora { $time }, la Secretariatul Social ({ $office }).
email-office-cancelled-rebook = Poți face o programare nouă aici:

calendar-summary = Programare la Secretariatul Social
calendar-description = Codul programării: { $code }. Ia cu tine un act de identitate.
