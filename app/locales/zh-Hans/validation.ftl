# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = 请填写您的电子邮件地址。
valid-email-example = 请填写完整的电子邮件地址，例如 nome.cognome@esempio.it。
valid-given-name-missing = 请填写名字。
valid-family-name-missing = 请填写姓氏。
valid-given-name-too-long = 名字太长了：最多 100 个字符。
valid-family-name-too-long = 姓氏太长了：最多 100 个字符。
valid-given-name-letters = 名字只能包含字母、空格、撇号和连字符。
valid-family-name-letters = 姓氏只能包含字母、空格、撇号和连字符。
valid-phone = 请填写带区号的电话号码，只写数字，例如 333 1234567。
valid-cf-shape = 税号（codice fiscale）有 16 个字符，由字母和数字组成，例如 RSSMRA80A01F205X。
valid-cf-check = 税号不正确：请检查有没有写错。
