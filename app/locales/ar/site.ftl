skip-to-content = انتقل إلى المحتوى الرئيسي
site-tagline = الخدمات الاجتماعية للأسر التي لديها أطفال
nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-services = الخدمات
nav-topics = المواضيع
nav-assistance = اطلب المساعدة
language-switcher = اللغة
language-offer = هذه الصفحة متوفرة أيضًا باللغة العربية.
language-offer-link = اقرأها بالعربية

emergency-label = أرقام الطوارئ
emergency-danger = إذا كان هناك خطر فوري، اتصل بالرقم
emergency-children = للأطفال والشباب الذين يواجهون صعوبات:
emergency-children-line = 114 طوارئ الطفولة
emergency-violence = ضد العنف والملاحقة:
full-stop = .
emergency-not-a-channel = حجز موعد ليس وسيلة للحصول على مساعدة في حالة الطوارئ.

footer-tagline = مكتب الخدمات الاجتماعية للأسر
footer-about = Sportello هو المدخل الإلكتروني إلى الأمانة الاجتماعية (Segretariato Sociale). نستخدم بياناتك فقط للرد على طلباتك.
footer-contacts = للتواصل
footer-report = الإبلاغ عن مشكلة في الخدمة
footer-privacy = إشعار الخصوصية
footer-accessibility = بيان إمكانية الوصول
footer-legal = ملاحظات قانونية
footer-faq = أسئلة شائعة
breadcrumb-label = أنت هنا
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = الصفحة أو العنصر الذي تبحث عنه لم يعد موجودًا أو لم يكن موجودًا أبدًا.
error-forbidden = ليس لديك إذن للقيام بهذه العملية.
error-unavailable = لا يمكن الوصول إلى الخدمة الآن. حاول مرة أخرى بعد بضع دقائق، وإذا استمرت المشكلة، أعطِ المكتب هذا الرمز: { $code }.
error-internal = حدثت مشكلة تقنية ولم يكتمل طلبك. حاول مرة أخرى لاحقًا، وإذا استمرت المشكلة، أعطِ المكتب هذا الرمز: { $code }.
error-form-incomplete = وصل النموذج ناقصًا. تحقّق من بياناتك وأرسله مرة أخرى.
