# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = احجز موعدًا
booking-lead = الخطوة الأولى هي لقاء مع الأمانة الاجتماعية (Segretariato Sociale). اللقاء مجاني ويستغرق نصف ساعة تقريبًا. اختر المكتب واليوم والوقت الذي يناسبك.
booking-steps-label = خطوات الحجز
booking-step = الخطوة
booking-step-done = (تمّت)
booking-step-office = المكتب
booking-step-topic = الموضوع
booking-step-time = اليوم والوقت
booking-step-details = بياناتك
booking-step-summary = الملخص
booking-change-office = غيّر المكتب
booking-change-topic = غيّر الموضوع
booking-change-time = غيّر اليوم أو الوقت
booking-when = { $date }، من الساعة { $starts } إلى الساعة { $ends }
booking-time-range = من الساعة { $starts } إلى الساعة { $ends }
booking-next = التالي
booking-office-title = الحجز: اختر المكتب
booking-office-question = في أي مكتب تريد أن يكون اللقاء؟
booking-topic-title = الحجز: اختر الموضوع
booking-topic-question = عن ماذا تريد أن تتكلم؟
booking-topic-hint = نسألك هذا فقط لنستعد للقاء. إذا لم تعرف ماذا تختار، اختر الخيار الأخير.
booking-day-title = الحجز: اختر اليوم
booking-time-title = الحجز: اختر الوقت
booking-free-times-of = الأوقات المتاحة يوم { $date }
booking-seats = { $n ->
    [zero] لا يوجد مكان متاح
    [one] مكان واحد متاح
    [two] مكانان متاحان
    [few] { $n } أماكن متاحة
    [many] { $n } مكانًا متاحًا
   *[other] { $n } مكان متاح
}
booking-other-day = اختر يومًا آخر
booking-slot-gone = الوقت الذي اخترته لم يعد متاحًا. اختر وقتًا آخر.
booking-day-full = اليوم الذي اخترته لم يعد فيه أي مكان متاح. اختر يومًا آخر.

calendar-choose-day = اختر اليوم
calendar-help = يمكنك الضغط على الأيام التي فيها وقت متاح واحد على الأقل.
calendar-days-of = أيام شهر { $month }
calendar-free-times = { $n ->
    [zero] لا يوجد وقت متاح
    [one] وقت واحد متاح
    [two] وقتان متاحان
    [few] { $n } أوقات متاحة
    [many] { $n } وقتًا متاحًا
   *[other] { $n } وقت متاح
}
calendar-no-free-time = لا يوجد وقت متاح
calendar-month-full = لم تعد هناك أوقات متاحة في هذا الشهر. انظر إلى الشهر التالي أو اتصل بالأمانة الاجتماعية.

details-title = الحجز: بياناتك
details-title-error = خطأ: الحجز، بياناتك
details-heading = بياناتك
details-lead = نطلب فقط ما نحتاجه للقاء.
details-given-name = الاسم
details-family-name = اسم العائلة
details-email = البريد الإلكتروني
details-email-hint = سنرسل التأكيد إلى هذا البريد. إذا لم يكن لديك بريد إلكتروني، اكتب رقم هاتفك على الأقل.
details-phone = الهاتف
details-cf = الرقم الضريبي (codice fiscale)
details-cf-hint = ليس إلزاميًا. يساعد المكتب على إيجاد ملف مفتوح لك من قبل.
details-language = بأي لغة تفضّل أن تتكلم؟
details-interpreter = أحتاج إلى مترجم أو وسيط ثقافي
details-accessibility = احتياجات إمكانية الوصول
details-accessibility-hint = مثلًا: سآتي بكرسي متحرك، أحتاج إلى مترجم لغة الإشارة.
details-about = عن ماذا تريد أن تتكلم
details-about-hint = 200 حرف كحد أقصى. لا تكتب معلومات عن صحتك أو أمورًا شخصية حساسة: ستتكلم عنها وجهًا لوجه في اللقاء.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = لقد قرأتُ 
details-privacy-link = إشعار معالجة البيانات الشخصية
details-privacy-after = : بياناتي تُستخدم فقط لهذا الموعد.
details-continue = متابعة
details-need-contact = اكتب بريدًا إلكترونيًا أو رقم هاتف: نحتاجه لتأكيد الموعد.
details-choose-language = اختر لغة من القائمة.
details-accessibility-too-long = النص عن احتياجات إمكانية الوصول طويل جدًا: { $max } حرفًا كحد أقصى، وقد كتبت { $length }.
details-about-too-long = النص عن موضوع اللقاء طويل جدًا: { $max } حرفًا كحد أقصى، وقد كتبت { $length }.
details-privacy-needed = لكي تحجز، أكّد أنك قرأت إشعار معالجة البيانات الشخصية.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = الإيطالية
interview-language-en = الإنجليزية
interview-language-fr = الفرنسية
interview-language-es = الإسبانية
interview-language-ar = العربية
interview-language-zh = الصينية
interview-language-ro = الرومانية
interview-language-sq = الألبانية
interview-language-uk = الأوكرانية
interview-language-altra = لغة أخرى

summary-crumb = الملخص
summary-heading = راجع بياناتك وأكّد الحجز
summary-title = الحجز: الملخص
summary-taken-title = خطأ: المكان الذي اخترته لم يعد متاحًا
summary-name = الاسم واسم العائلة
summary-email-none = غير مذكور
summary-phone-none = غير مذكور
summary-language = اللغة
summary-interpreter = مترجم
summary-interpreter-yes = نعم، أحتاج إلى مترجم أو وسيط ثقافي
summary-accessibility = إمكانية الوصول
summary-check = راجع بياناتك: إذا كان فيها خطأ، ارجع إلى الصفحة السابقة بزر الرجوع في المتصفح وصحّحه.
summary-confirm = أكّد الحجز
summary-gone-heading = المكان لم يعد متاحًا
summary-no-alternatives = لا توجد أوقات متاحة أخرى قريبة من الوقت الذي اخترته. اتصل بالأمانة الاجتماعية ({ $phone }) أو اختر يومًا آخر.
summary-alternatives = أقرب الأوقات المتاحة إلى الوقت الذي اخترته:
summary-choose-this = اختر هذا الوقت
summary-already-title = الحجز مؤكَّد من قبل
summary-already = هذا الحجز مؤكَّد من قبل، ورمزه { $code }.
summary-see-confirmation = اعرض التأكيد
draft-gone-title = انتهت مدة الحجز
draft-gone = انتهت مدة هذا الحجز أو أنه لم يعد موجودًا. لم يُسجَّل أي موعد.
draft-restart = ابدأ الحجز من جديد

confirmed-title = تم تأكيد الحجز
confirmed-not-found = لم نجد الحجز
confirmed-code-intro = تم تسجيل موعدك. رمز الحجز هو:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = الرمز { $spelled }
confirmed-email = إذا كتبت بريدًا إلكترونيًا، فقد أرسلنا إليك التأكيد مع رابط لإلغاء الموعد أو تغيير وقته. اكتب الرمز عندك في كل الأحوال: ستحتاجه إذا اتصلت بالمكتب.
add-to-calendar = أضِف إلى التقويم
confirmed-next = ماذا يحدث الآن
confirmed-bring-id = أحضر معك وثيقة هوية. اللقاء مجاني.
confirmed-cannot-come = إذا لم تستطع الحضور، ألغِ الموعد أو غيّر وقته بالرابط الموجود في البريد الإلكتروني، أو أخبر المكتب على الرقم { $phone }.
confirmed-lost-email = هل أضعت رسالة البريد الإلكتروني؟
ask-new-link = اطلب رابطًا جديدًا
back-home = ارجع إلى الصفحة الرئيسية

manage-heading = موعدك
manage-bad-link-title = الرابط غير صالح
manage-bad-link = الرابط غير صالح أو لم يعد يعمل. إذا طلبت رابطًا جديدًا، استخدم الرابط الموجود في آخر رسالة بريد إلكتروني.
manage-cancelled-said = تم إلغاء الموعد. إذا كان لديك بريد إلكتروني، فقد أرسلنا إليك التأكيد.
manage-moved-said = تم تغيير وقت الموعد. إذا كان لديك بريد إلكتروني، فقد أرسلنا إليك التأكيد.
manage-cancelled-title = تم إلغاء الموعد
manage-is-cancelled = هذا الموعد ملغى.
book-new = احجز موعدًا جديدًا
manage-too-late = بقي أقل من { $hours } ساعة على الموعد: لإلغائه أو تغيير وقته اتصل بالرقم { $phone }.
manage-code = الرمز
manage-when = متى
manage-where = أين
manage-name = باسم
manage-move = غيّر وقت الموعد
manage-keep = اترك الموعد كما هو
manage-cancel = ألغِ الموعد
manage-day-full = لم تعد هناك أوقات متاحة في هذا اليوم.
manage-move-here = انقل الموعد إلى هذا الوقت

new-link-title = هل أضعت الرابط؟
new-link-lead = اكتب رمز الحجز والبريد الإلكتروني أو رقم الهاتف الذي أعطيته عند الحجز. سنرسل إليك بالبريد الإلكتروني رابطًا جديدًا لترى الموعد أو تغيّر وقته أو تلغيه.
new-link-sent = إذا كان الرمز والبريد الإلكتروني أو الهاتف يطابقون موعدًا قادمًا، فقد أرسلنا إليك رسالة بريد إلكتروني فيها الرابط الجديد. الرابط القديم لم يعد يعمل.
new-link-code = رمز الحجز
new-link-code-hint = 8 خانات، مثلًا K7MP3XQ9.
new-link-contact = البريد الإلكتروني أو الهاتف
new-link-send = أرسل لي رابطًا جديدًا

# What a form says when the booking cannot go on.
error-slot-taken = المكان الذي اخترته لم يعد متاحًا: حجزه شخص آخر قبلك. اختر وقتًا من الأوقات المتاحة في الأسفل. البيانات التي كتبتها تبقى كما هي.
error-draft-expired = انتهت مدة الحجز الذي بدأته أو أنه غير موجود. ابدأ من جديد باختيار المكتب: الأمر يستغرق دقيقة واحدة.
error-choose-listed = اختر وقتًا من الأوقات المتاحة في القائمة.
error-just-taken = حجز شخص آخر هذا الوقت قبل لحظات. اختر وقتًا آخر.
error-booking-failed = لم نتمكن من تسجيل الحجز. حاول مرة أخرى بعد قليل.
error-too-late-cancel = بقي أقل من { $hours } ساعة على الموعد: لم يعد ممكنًا إلغاء الموعد عبر الإنترنت. اتصل بالرقم { $phone }.
error-too-late-move = بقي أقل من { $hours } ساعة على الموعد: لم يعد ممكنًا تغيير وقت الموعد عبر الإنترنت. اتصل بالرقم { $phone }.
error-link-gone = الرابط غير صالح أو انتهت مدته. إذا أضعت الرابط، اطلب رابطًا جديدًا.
error-code-shape = اكتب رمز الحجز: 8 خانات، حروف وأرقام.
error-contact-missing = اكتب البريد الإلكتروني أو رقم الهاتف الذي أعطيته عند الحجز.
error-too-many = بهذا البريد الإلكتروني أو رقم الهاتف توجد مواعيد قادمة عددها { $max }، وهذا هو الحد الأقصى. لتحجز موعدًا آخر، ألغِ أولًا واحدًا منها، أو اتصل بالأمانة الاجتماعية ({ $phone }).
