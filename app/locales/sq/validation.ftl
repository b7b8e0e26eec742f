# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Shkruaj adresën tënde email.
valid-email-example = Shkruaj një adresë email të plotë, për shembull nome.cognome@esempio.it.
valid-given-name-missing = Shkruaj emrin.
valid-family-name-missing = Shkruaj mbiemrin.
valid-given-name-too-long = Emri është shumë i gjatë: jo më shumë se 100 karaktere.
valid-family-name-too-long = Mbiemri është shumë i gjatë: jo më shumë se 100 karaktere.
valid-given-name-letters = Emri mund të ketë vetëm shkronja, hapësira, apostrofe dhe viza.
valid-family-name-letters = Mbiemri mund të ketë vetëm shkronja, hapësira, apostrofe dhe viza.
valid-phone = Shkruaj një numër telefoni me prefiksin, vetëm shifra, për shembull 333 1234567.
valid-cf-shape = Kodi fiskal (codice fiscale) ka 16 karaktere, shkronja dhe numra, për shembull RSSMRA80A01F205X.
valid-cf-check = Kodi fiskal nuk është i saktë: kontrollo që e ke shkruar pa gabime.
