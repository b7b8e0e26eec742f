form-error-prefix = 错误：
form-optional = （选填）
form-one-to-correct = 有 1 项信息需要修改
form-many-to-correct = 有 { $n } 项信息需要修改
form-choose = 请选择…
count-typed = 您已输入 { $used } 个字符，最多 { $max } 个。
count-over = 您已超出限制 { $over } 个字符。
