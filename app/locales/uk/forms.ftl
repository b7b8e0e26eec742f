form-error-prefix = Помилка:
form-optional = (необов’язково)
form-one-to-correct = Одне поле потрібно виправити
form-many-to-correct = Потрібно виправити полів: { $n }
form-choose = Виберіть…
count-typed = Ви написали { $used } з { $max } символів.
count-over = Ви перевищили ліміт на { $over } символів.
