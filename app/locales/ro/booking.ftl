# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Fă o programare
booking-lead = Primul pas este o discuție cu Secretariatul Social (Segretariato Sociale). Este gratuită și durează cam o jumătate de oră. Alege sediul, ziua și ora care îți convin.
booking-steps-label = Pașii programării
booking-step = Pasul
booking-step-done = (completat)
booking-step-office = Sediul
booking-step-topic = Subiectul
booking-step-time = Ziua și ora
booking-step-details = Datele tale
booking-step-summary = Rezumat
booking-change-office = Schimbă sediul
booking-change-topic = Schimbă subiectul
booking-change-time = Schimbă ziua sau ora
booking-when = { $date }, de la { $starts } la { $ends }
booking-time-range = de la { $starts } la { $ends }
booking-next = Înainte
booking-office-title = Programare: alege sediul
booking-office-question = Unde vrei să aibă loc discuția?
booking-topic-title = Programare: alege subiectul
booking-topic-question = Despre ce vrei să vorbești?
booking-topic-hint = Ne ajută doar să pregătim discuția. Dacă nu știi ce să alegi, poți alege ultima variantă.
booking-day-title = Programare: alege ziua
booking-time-title = Programare: alege ora
booking-free-times-of = Ore libere în ziua de { $date }
booking-seats = { $n ->
    [one] 1 loc liber
    [few] { $n } locuri libere
   *[other] { $n } de locuri libere
}
booking-other-day = Alege altă zi
booking-slot-gone = Ora aleasă de tine nu mai este liberă. Alege alta.
booking-day-full = Ziua aleasă de tine nu mai are locuri libere. Alege alta.

calendar-choose-day = Alege ziua
calendar-help = Poți da clic pe zilele care au cel puțin o oră liberă.
calendar-days-of = Zilele din { $month }
calendar-free-times = { $n ->
    [one] 1 oră liberă
    [few] { $n } ore libere
   *[other] { $n } de ore libere
}
calendar-no-free-time = nicio oră liberă
calendar-month-full = În această lună nu mai sunt ore libere. Uită-te la luna următoare sau sună la Secretariatul Social.

details-title = Programare: datele tale
details-title-error = Eroare: programare, datele tale
details-heading = Datele tale
details-lead = Îți cerem doar ce este necesar pentru discuție.
details-given-name = Prenume
details-family-name = Nume de familie
details-email = E-mail
details-email-hint = Aici îți trimitem confirmarea. Dacă nu ai e-mail, scrie cel puțin numărul de telefon.
details-phone = Telefon
details-cf = Codul fiscal (codice fiscale)
details-cf-hint = Nu este obligatoriu. Ajută biroul să găsească un dosar pe care îl ai deja.
details-language = În ce limbă preferi să vorbești?
details-interpreter = Am nevoie de un interpret sau de un mediator cultural
details-accessibility = Nevoi de accesibilitate
details-accessibility-hint = De exemplu: vin în scaun cu rotile, am nevoie de un interpret de limba semnelor.
details-about = Despre ce vrei să vorbești
details-about-hint = Cel mult 200 de caractere. Nu scrie date despre sănătate sau lucruri personale delicate: vei vorbi despre ele față în față, la discuție.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = Am citit 
details-privacy-link = informarea privind datele personale
details-privacy-after = : datele mele sunt folosite doar pentru această programare.
details-continue = Continuă
details-need-contact = Scrie o adresă de e-mail sau un număr de telefon: avem nevoie de ele ca să confirmăm programarea.
details-choose-language = Alege o limbă din listă.
details-accessibility-too-long = Textul despre nevoile de accesibilitate este prea lung: cel mult { $max } caractere, ai scris { $length }.
details-about-too-long = Textul despre subiectul discuției este prea lung: cel mult { $max } caractere, ai scris { $length }.
details-privacy-needed = Ca să faci programarea, confirmă că ai citit informarea privind datele personale.

# The languages of the interview, as "În ce limbă preferi să vorbești?" lists them.
interview-language-it = Italiană
interview-language-en = Engleză
interview-language-fr = Franceză
interview-language-es = Spaniolă
interview-language-ar = Arabă
interview-language-zh = Chineză
interview-language-ro = Română
interview-language-sq = Albaneză
interview-language-uk = Ucraineană
interview-language-altra = Altă limbă

summary-crumb = Rezumat
summary-heading = Verifică și confirmă
summary-title = Programare: rezumat
summary-taken-title = Eroare: ora aleasă nu mai este liberă
summary-name = Nume și prenume
summary-email-none = nespecificat
summary-phone-none = nespecificat
summary-language = Limba
summary-interpreter = Interpret
summary-interpreter-yes = da, este nevoie de un interpret sau de un mediator
summary-accessibility = Accesibilitate
summary-check = Verifică datele. Dacă ceva nu este bine, întoarce-te cu butonul „Înapoi” al browserului și corectează.
summary-confirm = Confirmă programarea
summary-gone-heading = Ora nu mai este disponibilă
summary-no-alternatives = Nu mai sunt alte ore libere apropiate de cea aleasă de tine. Sună la Secretariatul Social ({ $phone }) sau alege altă zi.
summary-alternatives = Orele libere cele mai apropiate de cea aleasă de tine:
summary-choose-this = Alege această oră
summary-already-title = Programare deja confirmată
summary-already = Această programare este deja confirmată, cu codul { $code }.
summary-see-confirmation = Vezi confirmarea
draft-gone-title = Programare expirată
draft-gone = Această programare începută a expirat sau nu mai există. Nu a fost înregistrată nicio programare.
draft-restart = Începe din nou programarea

confirmed-title = Programare confirmată
confirmed-not-found = Programarea nu a fost găsită
confirmed-code-intro = Programarea ta este înregistrată. Codul programării este:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Codul { $spelled }
confirmed-email = Dacă ai dat o adresă de e-mail, ți-am trimis confirmarea, cu linkul pentru a anula sau a muta programarea. Notează totuși codul: îți trebuie dacă suni la birou.
add-to-calendar = Adaugă în calendar
confirmed-next = Ce se întâmplă acum
confirmed-bring-id = Ia cu tine un act de identitate. Discuția este gratuită.
confirmed-cannot-come = Dacă nu poți veni, anulează sau mută programarea cu linkul din e-mail, sau anunță biroul la numărul { $phone }.
confirmed-lost-email = Ai pierdut e-mailul?
ask-new-link = Cere un link nou
back-home = Înapoi la pagina principală

manage-heading = Programarea ta
manage-bad-link-title = Link nevalid
manage-bad-link = Linkul nu este valid sau nu mai funcționează. Dacă ai cerut unul nou, folosește linkul din ultimul e-mail.
manage-cancelled-said = Programarea a fost anulată. Dacă ai e-mail, ți-am trimis confirmarea.
manage-moved-said = Programarea a fost mutată. Dacă ai e-mail, ți-am trimis confirmarea.
manage-cancelled-title = Programare anulată
manage-is-cancelled = Această programare este anulată.
book-new = Fă o programare nouă
manage-too-late = Mai sunt mai puțin de { $hours } ore până la programare: ca s-o anulezi sau s-o muți, sună la { $phone }.
manage-code = Cod
manage-when = Când
manage-where = Unde
manage-name = Pe numele
manage-move = Mută programarea
manage-keep = Păstrează programarea așa cum este
manage-cancel = Anulează programarea
manage-day-full = În această zi nu mai sunt ore libere.
manage-move-here = Mută la această oră

new-link-title = Ai pierdut linkul?
new-link-lead = Scrie codul programării și e-mailul sau telefonul pe care le-ai dat la programare. Îți trimitem pe e-mail un link nou ca să vezi, să muți sau să anulezi programarea.
new-link-sent = Dacă codul și e-mailul sau telefonul se potrivesc cu o programare viitoare, ți-am trimis un e-mail cu linkul nou. Linkul vechi nu mai funcționează.
new-link-code = Codul programării
new-link-code-hint = 8 caractere, de exemplu K7MP3XQ9.
new-link-contact = E-mail sau telefon
new-link-send = Trimite-mi un link nou

# What a form says when the booking cannot go on.
error-slot-taken = Ora aleasă nu mai este disponibilă: altcineva a rezervat-o înaintea ta. Alege una dintre orele libere de mai jos. Datele tale rămân cele pe care le-ai scris.
error-draft-expired = Programarea începută a expirat sau nu există. Începe din nou cu alegerea sediului: durează doar un minut.
error-choose-listed = Alege una dintre orele libere din listă.
error-just-taken = Această oră tocmai a fost rezervată de altă persoană. Alege alta.
error-booking-failed = Programarea nu a putut fi înregistrată. Încearcă din nou peste câteva momente.
error-too-late-cancel = Mai sunt mai puțin de { $hours } ore până la programare: nu mai poți anula programarea online. Sună la { $phone }.
error-too-late-move = Mai sunt mai puțin de { $hours } ore până la programare: nu mai poți muta programarea online. Sună la { $phone }.
error-link-gone = Linkul nu este valid sau a expirat. Dacă ai pierdut linkul, cere unul nou.
error-code-shape = Scrie codul programării: 8 caractere, litere și cifre.
error-contact-missing = Scrie e-mailul sau numărul de telefon pe care l-ai dat la programare.
error-too-many = Cu această adresă de e-mail sau acest număr de telefon ai deja numărul maxim de programări viitoare: { $max }. Ca să faci încă una, anulează mai întâi una dintre ele sau sună la Secretariatul Social ({ $phone }).
