form-error-prefix = Error:
form-optional = (opcional)
form-one-to-correct = Hay un dato que corregir
form-many-to-correct = Hay { $n } datos que corregir
form-choose = Elige…
count-typed = Has escrito { $used } de { $max } caracteres.
count-over = Has superado el límite en { $over } caracteres.
