# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Écrivez votre adresse e-mail.
valid-email-example = Écrivez une adresse e-mail complète, par exemple nome.cognome@esempio.it.
valid-given-name-missing = Écrivez le prénom.
valid-family-name-missing = Écrivez le nom.
valid-given-name-too-long = Le prénom est trop long : 100 caractères au maximum.
valid-family-name-too-long = Le nom est trop long : 100 caractères au maximum.
valid-given-name-letters = Le prénom peut contenir seulement des lettres, des espaces, des apostrophes et des traits d’union.
valid-family-name-letters = Le nom peut contenir seulement des lettres, des espaces, des apostrophes et des traits d’union.
valid-phone = Écrivez le numéro de téléphone complet, avec l’indicatif, en chiffres seulement, par exemple 333 1234567.
valid-cf-shape = Le code fiscal (codice fiscale) a 16 caractères, lettres et chiffres, par exemple RSSMRA80A01F205X.
valid-cf-check = Le code fiscal n’est pas correct : vérifiez que vous l’avez écrit sans erreur.
