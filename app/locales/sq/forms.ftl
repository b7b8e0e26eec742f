form-error-prefix = Gabim:
form-optional = (jo i detyrueshëm)
form-one-to-correct = Një e dhënë duhet korrigjuar
form-many-to-correct = { $n } të dhëna duhen korrigjuar
form-choose = Zgjidh…
count-typed = Ke shkruar { $used } nga { $max } karaktere.
count-over = E ke kaluar kufirin me { $over } karaktere.
