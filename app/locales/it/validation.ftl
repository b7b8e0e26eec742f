# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Scrivi il tuo indirizzo email.
valid-email-example = Scrivi un indirizzo email completo, per esempio nome.cognome@esempio.it.
valid-given-name-missing = Scrivi il nome.
valid-family-name-missing = Scrivi il cognome.
valid-given-name-too-long = Il nome è troppo lungo: al massimo 100 caratteri.
valid-family-name-too-long = Il cognome è troppo lungo: al massimo 100 caratteri.
valid-given-name-letters = Il nome può contenere solo lettere, spazi, apostrofi e trattini.
valid-family-name-letters = Il cognome può contenere solo lettere, spazi, apostrofi e trattini.
valid-phone = Scrivi un numero di telefono con il prefisso, solo cifre, per esempio 333 1234567.
valid-cf-shape = Il codice fiscale ha 16 caratteri, lettere e numeri, per esempio RSSMRA80A01F205X.
valid-cf-check = Il codice fiscale non è corretto: controlla di averlo scritto senza errori.
