# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = Escribe tu dirección de correo electrónico.
valid-email-example = Escribe una dirección de correo completa, por ejemplo nome.cognome@esempio.it.
valid-given-name-missing = Escribe el nombre.
valid-family-name-missing = Escribe los apellidos.
valid-given-name-too-long = El nombre es demasiado largo: como máximo 100 caracteres.
valid-family-name-too-long = Los apellidos son demasiado largos: como máximo 100 caracteres.
valid-given-name-letters = El nombre solo puede tener letras, espacios, apóstrofos y guiones.
valid-family-name-letters = Los apellidos solo pueden tener letras, espacios, apóstrofos y guiones.
valid-phone = Escribe un número de teléfono con el prefijo, solo cifras, por ejemplo 333 1234567.
valid-cf-shape = El código fiscal (codice fiscale) tiene 16 caracteres, letras y números, por ejemplo RSSMRA80A01F205X.
valid-cf-check = El código fiscal no es correcto: comprueba que lo has escrito sin errores.
