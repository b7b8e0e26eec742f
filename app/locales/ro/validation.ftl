# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Scrie adresa ta de e-mail.
valid-email-example = Scrie o adresă de e-mail completă, de exemplu nome.cognome@esempio.it.
valid-given-name-missing = Scrie prenumele.
valid-family-name-missing = Scrie numele de familie.
valid-given-name-too-long = Prenumele este prea lung: cel mult 100 de caractere.
valid-family-name-too-long = Numele de familie este prea lung: cel mult 100 de caractere.
valid-given-name-letters = Prenumele poate conține doar litere, spații, apostrofuri și cratime.
valid-family-name-letters = Numele de familie poate conține doar litere, spații, apostrofuri și cratime.
valid-phone = Scrie un număr de telefon cu prefix, doar cifre, de exemplu 333 1234567.
valid-cf-shape = Codul fiscal (codice fiscale) are 16 caractere, litere și cifre, de exemplu RSSMRA80A01F205X.
valid-cf-check = Codul fiscal nu este corect: verifică dacă l-ai scris fără greșeli.
