# The widgets every form shares.

form-error-prefix = Errore:
form-optional = (facoltativo)
form-one-to-correct = C'è un dato da correggere
form-many-to-correct = Ci sono { $n } dati da correggere
form-choose = Scegli…
count-typed = Hai scritto { $used } caratteri su { $max }.
count-over = Hai superato il limite di { $over } caratteri.
