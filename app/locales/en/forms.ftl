form-error-prefix = Error:
form-optional = (optional)
form-one-to-correct = One detail needs correcting
form-many-to-correct = { $n } details need correcting
form-choose = Choose…
count-typed = You have written { $used } of { $max } characters.
count-over = You are { $over } characters over the limit.
