# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = مفتوح الآن، حتى الساعة { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = مغلق اليوم ({ $reason }).
opening-closed-now = مغلق الآن.
opening-reopens = يفتح من جديد { $when } الساعة { $time }
opening-none-soon = لا يوجد أي يوم مفتوح في الأشهر الثلاثة القادمة
opening-today = اليوم
opening-tomorrow = غدًا
# Days with the same hours: "From Monday to Thursday", "Monday and Tuesday".
hours-days-range = من { $first } إلى { $last }
hours-days-two = { $first } و{ $last }
hours-two-windows = { $first } و{ $second }

contacts-title = للتواصل
contacts-loading = جارٍ تحميل بيانات التواصل…
contacts-lead = تستقبل الأمانة الاجتماعية (Segretariato Sociale) الناس بموعد فقط. لطلب لقاء، اتصل بالهاتف في الأوقات المذكورة. لإرسال سؤال مكتوب، استخدم النموذج:
contacts-phone = الهاتف
contacts-offices = المكاتب
contacts-organisation = المؤسسة
contacts-switchboard = الرقم الرئيسي:

topics-title = المواضيع
topics-lead = الخدمات مرتبة حسب المواضيع. اختر موضوعًا لترى الخدمات المتعلقة به.
topics-services = { $n ->
    [zero] لا توجد خدمات
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $n } خدمات
    [many] { $n } خدمة
   *[other] { $n } خدمة
}

services-title = الخدمات
services-lead = هنا تجد كل الخدمات للأسر التي لديها أطفال قاصرون. في أغلب الخدمات، الخطوة الأولى هي لقاء مع الأمانة الاجتماعية (Segretariato Sociale)، بموعد.
services-loading = جارٍ تحميل الخدمات…
services-search-label = ابحث في الخدمات
services-search = ابحث عن خدمة
services-search-hint = مثلًا: مساعدة مالية، أسرة حاضنة، مدرسة.
services-category = الفئة
services-all-categories = كل الفئات
services-topic = الموضوع
services-all-topics = كل المواضيع
services-search-button = ابحث
services-show-all = اعرض كل الخدمات
services-none-found = لا توجد خدمة تطابق بحثك. جرّب كلمات أخرى أو احذف أحد الفلاتر.
services-found = { $n ->
    [zero] لم نجد أي خدمة.
    [one] وجدنا خدمة واحدة.
    [two] وجدنا خدمتين.
    [few] وجدنا { $n } خدمات.
    [many] وجدنا { $n } خدمة.
   *[other] وجدنا { $n } خدمة.
}
services-count = { $n ->
    [zero] لا توجد خدمات.
    [one] خدمة واحدة.
    [two] خدمتان.
    [few] { $n } خدمات.
    [many] { $n } خدمة.
   *[other] { $n } خدمة.
}
service-active = الخدمة متاحة
service-topics = المواضيع
service-index = محتويات الصفحة
service-for-whom = لمن هذه الخدمة
service-how-to = كيف تقدّم الطلب
service-needed = ماذا تحتاج
service-obtained = ماذا تحصل عليه
service-times = المدة والمواعيد النهائية
service-conditions = شروط الخدمة
service-access = كيف تحصل على الخدمة
service-book-meeting = احجز لقاءً مع الأمانة الاجتماعية
service-read-conditions = اقرأ شروط الخدمة: كيف تحصل عليها، والتكاليف، والحقوق، والالتزامات
service-answers = المسؤول عن الخدمة:
service-by-appointment = يستقبل الناس بموعد فقط:
updated-on = آخر تحديث: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = هذه الصفحة غير مترجمة إلى العربية بعد: تجد في الأسفل النص باللغة الإيطالية.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = قد لا تكون هذه الترجمة محدّثة: تغيّر النص الإيطالي بعد الترجمة.
read-in-italian = اقرأ هذه الصفحة باللغة الإيطالية
# How a service is reached, under "service-access".
service-access-appointment = للاستفادة من هذه الخدمة، تبدأ بلقاء مع الأمانة الاجتماعية (Segretariato Sociale)، بموعد مسبق.
service-access-appointment-or-court = للاستفادة من هذه الخدمة، تبدأ بلقاء مع الأمانة الاجتماعية (Segretariato Sociale)، بموعد مسبق. ويمكن أن تبدأ الخدمة أيضًا بطلب من المحكمة (Autorità Giudiziaria).
service-access-court = تبدأ هذه الخدمة بطلب من المحكمة (Autorità Giudiziaria): الخدمة هي التي تتصل بالعائلة. إذا كانت لديك أسئلة، يمكنك طلب لقاء مع الأمانة الاجتماعية (Segretariato Sociale).
