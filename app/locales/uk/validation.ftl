# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Напишіть свою адресу електронної пошти.
valid-email-example = Напишіть повну адресу електронної пошти, наприклад nome.cognome@esempio.it.
valid-given-name-missing = Напишіть ім’я.
valid-family-name-missing = Напишіть прізвище.
valid-given-name-too-long = Ім’я задовге: не більше 100 символів.
valid-family-name-too-long = Прізвище задовге: не більше 100 символів.
valid-given-name-letters = Ім’я може містити лише літери, пробіли, апострофи й дефіси.
valid-family-name-letters = Прізвище може містити лише літери, пробіли, апострофи й дефіси.
valid-phone = Напишіть номер телефону з кодом, лише цифри, наприклад 333 1234567.
valid-cf-shape = Податковий код (codice fiscale) має 16 символів — літери й цифри, наприклад RSSMRA80A01F205X.
valid-cf-check = Податковий код неправильний: перевірте, чи ви написали його без помилок.
