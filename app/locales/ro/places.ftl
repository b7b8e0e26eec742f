# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Deschis acum, până la ora { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Închis astăzi ({ $reason }).
opening-closed-now = Închis acum.
opening-reopens = Se redeschide { $when }, la ora { $time }
opening-none-soon = Nu este prevăzută nicio deschidere în următoarele trei luni
opening-today = astăzi
opening-tomorrow = mâine
# Days with the same hours: "De luni până joi", "Luni și marți".
hours-days-range = De { $first } până { $last }
hours-days-two = { $first } și { $last }
hours-two-windows = { $first } și { $second }

contacts-title = Contact
contacts-loading = Se încarcă datele de contact…
contacts-lead = Secretariatul Social (Segretariato Sociale) primește doar cu programare. Pentru o discuție, sună la telefon în orele indicate. Pentru o întrebare în scris, folosește formularul:
contacts-phone = Telefon
contacts-offices = Sedii
contacts-organisation = Instituția
contacts-switchboard = Centrala telefonică:

topics-title = Teme
topics-lead = Serviciile grupate pe teme. Alege o temă ca să vezi serviciile legate de ea.
topics-services = { $n ->
    [one] 1 serviciu
    [few] { $n } servicii
   *[other] { $n } de servicii
}

services-title = Servicii
services-lead = Aici găsești toate serviciile pentru familiile cu copii minori. Pentru aproape toate, primul pas este o discuție cu Secretariatul Social, cu programare.
services-loading = Se încarcă serviciile…
services-search-label = Caută printre servicii
services-search = Caută un serviciu
services-search-hint = De exemplu: ajutor financiar, plasament familial, școală.
services-category = Categoria
services-all-categories = Toate categoriile
services-topic = Tema
services-all-topics = Toate temele
services-search-button = Caută
services-show-all = Arată toate serviciile
services-none-found = Niciun serviciu nu se potrivește cu căutarea. Încearcă alte cuvinte sau scoate un filtru.
services-found = { $n ->
    [one] 1 serviciu găsit.
    [few] { $n } servicii găsite.
   *[other] { $n } de servicii găsite.
}
services-count = { $n ->
    [one] 1 serviciu.
    [few] { $n } servicii.
   *[other] { $n } de servicii.
}
service-active = Serviciu activ
service-topics = Teme
service-index = Cuprinsul paginii
service-for-whom = Cui se adresează
service-how-to = Cum îl soliciți
service-needed = De ce ai nevoie
service-obtained = Ce primești
service-times = Durată și termene
service-conditions = Condițiile serviciului
service-access = Accesează serviciul
service-book-meeting = Fă o programare la Secretariatul Social
service-read-conditions = Citește condițiile serviciului: acces, costuri, drepturi și obligații
service-answers = Răspunde:
service-by-appointment = Primește doar cu programare:
updated-on = Ultima actualizare: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Această pagină nu este încă tradusă în limba română: mai jos găsești textul în limba italiană.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Este posibil ca această traducere să nu fie la zi: textul în limba italiană s-a schimbat între timp.
read-in-italian = Citește pagina în limba italiană
# How a service is reached, under "service-access".
service-access-appointment = Ca să folosești acest serviciu, ai mai întâi o discuție cu Secretariatul Social (Segretariato Sociale), pe bază de programare.
service-access-appointment-or-court = Ca să folosești acest serviciu, ai mai întâi o discuție cu Secretariatul Social (Segretariato Sociale), pe bază de programare. Serviciul poate începe și la cererea instanței (Autorità Giudiziaria).
service-access-court = Acest serviciu începe la cererea instanței (Autorità Giudiziaria): serviciul este cel care contactează familia. Dacă ai întrebări, poți cere o discuție cu Secretariatul Social (Segretariato Sociale).
