# "Cere ajutor" (Richiedi assistenza), its answer, and the page for an address that leads nowhere.

assistance-title = Cere ajutor
assistance-title-error = Eroare: cere ajutor
assistance-lead = Nu găsești o informație sau ai o problemă cu site-ul? Scrie-ne: îți răspundem pe e-mail, de obicei în două zile lucrătoare.
assistance-not-emergency = Acest formular nu este pentru urgențe.
assistance-call-112 = Dacă tu sau un copil sunteți în pericol, sună imediat la 112.
assistance-email-hint = Îți vom răspunde la această adresă.
assistance-topic = Subiectul
assistance-message = Mesajul
assistance-message-hint = Cel mult 1000 de caractere. Nu scrie date despre sănătate sau lucruri personale delicate: vei vorbi despre ele față în față cu asistenta socială.
assistance-privacy = Am citit informarea privind datele personale: datele din acest formular sunt folosite doar pentru a răspunde la cerere.
assistance-send = Trimite cererea
assistance-topic-servizi = Informații despre servicii
assistance-topic-appuntamento = Programări la Secretariatul Social
assistance-topic-sito = Probleme la folosirea site-ului
assistance-topic-disservizio = Semnalează o problemă cu un serviciu
assistance-topic-altro = Altceva
assistance-choose-topic = Alege subiectul cererii.
assistance-write-message = Scrie mesajul.
assistance-message-too-long = Mesajul este prea lung: cel mult { $max } caractere, ai scris { $length }.
assistance-privacy-needed = Ca să trimiți cererea, confirmă că ai citit informarea privind datele personale.
assistance-sent-title = Cerere trimisă
assistance-sent = Am primit mesajul tău. Îți vom răspunde la adresa de e-mail pe care ai dat-o.
assistance-sent-book = Dacă trebuie să vorbești cu o asistentă socială, poți face și o programare la Secretariatul Social.

not-found-title = Pagina nu a fost găsită
not-found = Adresa pe care ai deschis-o nu duce la nicio pagină. Poate a fost scrisă greșit sau pagina a fost mutată.
not-found-home = Mergi la pagina principală
not-found-write = Scrie-ne dacă nu găsești ce cauți
