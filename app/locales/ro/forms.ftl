form-error-prefix = Eroare:
form-optional = (opțional)
form-one-to-correct = O informație trebuie corectată
form-many-to-correct = { $n } informații trebuie corectate
form-choose = Alege…
count-typed = Ai scris { $used } din { $max } caractere.
count-over = Ai depășit limita cu { $over } caractere.
