form-error-prefix = Erreur :
form-optional = (facultatif)
form-one-to-correct = Une information est à corriger
form-many-to-correct = { $n } informations sont à corriger
form-choose = Choisissez…
count-typed = Vous avez écrit { $used } caractères sur { $max }.
count-over = Vous avez dépassé la limite de { $over } caractères.
