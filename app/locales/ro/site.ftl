skip-to-content = Mergi la conținutul principal
site-tagline = Servicii sociale pentru familiile cu copii minori
nav-label = Meniul principal
nav-home = Acasă
nav-services = Servicii
nav-topics = Teme
nav-assistance = Cere ajutor
language-switcher = Limba
language-offer = Această pagină este disponibilă și în limba română.
language-offer-link = Citește-o în română

emergency-label = Numere de urgență
emergency-danger = Dacă există un pericol imediat, sună la
emergency-children = Pentru copiii și tinerii aflați în dificultate:
emergency-children-line = 114 Urgență pentru copii
emergency-violence = Împotriva violenței și hărțuirii:
full-stop = .
emergency-not-a-channel = Programarea unei întâlniri nu este o cale de a primi ajutor în caz de urgență.

footer-tagline = Ghișeul serviciilor sociale pentru familii
footer-about = Sportello este intrarea online la Secretariatul Social (Segretariato Sociale). Datele tale sunt folosite doar pentru a răspunde cererilor tale.
footer-contacts = Contact
footer-report = Semnalează o problemă
footer-privacy = Informare privind datele personale
footer-accessibility = Declarație de accesibilitate
footer-legal = Mențiuni legale
footer-faq = Întrebări frecvente
breadcrumb-label = Ești aici
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = Pagina sau elementul pe care îl cauți nu mai există sau nu a existat niciodată.
error-forbidden = Nu ai permisiunea pentru această operațiune.
error-unavailable = Serviciul nu poate fi accesat acum. Încearcă din nou peste câteva minute; dacă problema continuă, spune biroului acest cod: { $code }.
error-internal = O problemă tehnică a împiedicat finalizarea cererii tale. Încearcă din nou mai târziu; dacă problema continuă, spune biroului acest cod: { $code }.
error-form-incomplete = Formularul a ajuns incomplet. Verifică datele și trimite-l din nou.
