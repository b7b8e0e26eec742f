form-error-prefix = خطأ:
form-optional = (اختياري)
form-one-to-correct = هناك معلومة يجب تصحيحها
form-many-to-correct = هناك { $n } معلومات يجب تصحيحها
form-choose = اختر…
count-typed = كتبت { $used } حرفًا من أصل { $max }.
count-over = تجاوزت الحد بـ { $over } حرفًا.
