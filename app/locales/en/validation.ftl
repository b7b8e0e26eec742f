# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Write your email address.
valid-email-example = Write a full email address, for example nome.cognome@esempio.it.
valid-given-name-missing = Write the first name.
valid-family-name-missing = Write the surname.
valid-given-name-too-long = The first name is too long: at most 100 characters.
valid-family-name-too-long = The surname is too long: at most 100 characters.
valid-given-name-letters = The first name can only contain letters, spaces, apostrophes and hyphens.
valid-family-name-letters = The surname can only contain letters, spaces, apostrophes and hyphens.
valid-phone = Write the full phone number with its prefix, digits only, for example 333 1234567.
valid-cf-shape = The tax code (codice fiscale) has 16 characters, letters and numbers, for example RSSMRA80A01F205X.
valid-cf-check = The tax code is not correct: check that you wrote it without mistakes.
