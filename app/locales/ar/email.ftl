# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = تجد في الأسفل الرسالة نفسها باللغة الإيطالية.
email-greeting = مرحبًا { $name }،
email-when = الموعد: { $when }
email-new-day = الموعد الجديد: { $when }
email-where = المكان: { $place }
email-code = رمز الحجز: { $code }
email-bring-id = أحضر معك وثيقة هوية.
email-bring-id-free = أحضر معك وثيقة هوية. اللقاء مجاني.
email-or-call = أو اتصل بالرقم { $phone }.

email-confirmation-subject = موعدك في الأمانة الاجتماعية
email-confirmation-intro = نؤكّد لك موعدك في الأمانة الاجتماعية (Segretariato Sociale).
email-private-link = لترى الموعد أو تغيّر وقته أو تلغيه، استخدم هذا الرابط الشخصي (لا ترسله إلى أي شخص آخر):
email-call-if-not-coming = إذا لم تستطع الحضور، أخبرنا بالاتصال بالرقم { $phone }.
email-not-emergency = حجز الموعد ليس وسيلة للحصول على مساعدة في حالة الطوارئ: إذا كان هناك خطر، اتصل بالرقم 112.

email-reminder-subject = تذكير: موعدك في الأمانة الاجتماعية
email-reminder-intro = نذكّرك بموعدك في الأمانة الاجتماعية.
email-reminder-change = إذا لم تستطع الحضور، ألغِ الموعد أو غيّر وقته برابطك الشخصي:

email-cancelled-subject = تم إلغاء موعدك في الأمانة الاجتماعية
email-cancelled-intro = تم إلغاء موعدك في الأمانة الاجتماعية يوم { $date }، الساعة { $time }.
email-book-again = إذا أردت، يمكنك أن تحجز موعدًا جديدًا من الموقع.

email-moved-subject = تم تغيير وقت موعدك في الأمانة الاجتماعية
email-moved-intro = تم تغيير وقت موعدك في الأمانة الاجتماعية.
email-desk-moved-intro = كما اتفقت مع المكتب، تم تغيير وقت موعدك في الأمانة الاجتماعية.
email-desk-moved-link = لتلغي الموعد أو تغيّر وقته مرة أخرى، استخدم هذا الرابط الشخصي الجديد (الرابط القديم لم يعد يعمل):

email-new-link-subject = الرابط الجديد لموعدك في الأمانة الاجتماعية
email-new-link-intro = هذا هو رابطك الشخصي الجديد لموعدك يوم { $date }، الساعة { $time } (الرمز { $code }). استخدمه لترى الموعد أو تغيّر وقته أو تلغيه:
email-new-link-old = الرابط القديم لم يعد يعمل. إذا لم تطلب أنت رابطًا جديدًا، يمكنك أن تتجاهل هذه الرسالة.

email-office-cancelled-subject = ألغت الأمانة الاجتماعية موعدك
# The office's reason ($why) is written by staff in Italian: only the Italian text says it, so it is left out here.
email-office-cancelled-intro = نأسف: اضطررنا إلى إلغاء موعدك في الأمانة الاجتماعية يوم { $date }، الساعة { $time } ({ $office }).
email-office-cancelled-rebook = يمكنك أن تحجز موعدًا جديدًا هنا:

calendar-summary = موعد في الأمانة الاجتماعية
calendar-description = رمز الحجز: { $code }. أحضر معك وثيقة هوية.
