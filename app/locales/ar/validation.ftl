# What the public forms say about a value typed wrong: one sentence next to the field.

valid-email-missing = اكتب عنوان بريدك الإلكتروني.
valid-email-example = اكتب عنوان بريد إلكتروني كاملًا، مثلًا nome.cognome@esempio.it.
valid-given-name-missing = اكتب الاسم.
valid-family-name-missing = اكتب اسم العائلة.
valid-given-name-too-long = الاسم طويل جدًا: 100 حرف كحد أقصى.
valid-family-name-too-long = اسم العائلة طويل جدًا: 100 حرف كحد أقصى.
valid-given-name-letters = يمكن أن يحتوي الاسم فقط على حروف ومسافات وفواصل علوية (') وشرطات (-).
valid-family-name-letters = يمكن أن يحتوي اسم العائلة فقط على حروف ومسافات وفواصل علوية (') وشرطات (-).
valid-phone = اكتب رقم هاتف كاملًا مع البادئة، بالأرقام فقط، مثلًا 333 1234567.
valid-cf-shape = الرقم الضريبي (codice fiscale) فيه 16 خانة من الحروف والأرقام، مثلًا RSSMRA80A01F205X.
valid-cf-check = الرقم الضريبي غير صحيح: تأكّد أنك كتبته بدون أخطاء.
