# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = اطلب المساعدة
assistance-title-error = خطأ: اطلب المساعدة
assistance-lead = لا تجد معلومة، أو عندك مشكلة في الموقع؟ اكتب لنا: سنرد عليك بالبريد الإلكتروني، عادةً خلال يومَي عمل.
assistance-not-emergency = هذا النموذج ليس لحالات الطوارئ.
assistance-call-112 = إذا كنت أنت أو طفل في خطر، اتصل فورًا بالرقم 112.
assistance-email-hint = سنرسل الرد إلى هذا البريد الإلكتروني.
assistance-topic = الموضوع
assistance-message = الرسالة
assistance-message-hint = 1000 حرف كحد أقصى. لا تكتب معلومات عن صحتك أو أمورًا شخصية حساسة: ستتكلم عنها وجهًا لوجه مع الأخصائي الاجتماعي.
assistance-privacy = لقد قرأتُ إشعار معالجة البيانات الشخصية: بيانات هذا النموذج تُستخدم فقط للرد على طلبي.
assistance-send = أرسل الطلب
assistance-topic-servizi = معلومات عن الخدمات
assistance-topic-appuntamento = المواعيد مع الأمانة الاجتماعية
assistance-topic-sito = مشاكل في استخدام الموقع
assistance-topic-disservizio = الإبلاغ عن مشكلة في الخدمة
assistance-topic-altro = شيء آخر
assistance-choose-topic = اختر موضوع طلبك.
assistance-write-message = اكتب رسالتك.
assistance-message-too-long = الرسالة طويلة جدًا: { $max } حرفًا كحد أقصى، وقد كتبت { $length }.
assistance-privacy-needed = لكي ترسل الطلب، أكّد أنك قرأت إشعار الخصوصية.
assistance-sent-title = تم إرسال الطلب
assistance-sent = وصلتنا رسالتك. سنرد عليك على عنوان البريد الإلكتروني الذي كتبته.
assistance-sent-book = إذا كنت تحتاج إلى الكلام مع أخصائي اجتماعي، يمكنك أيضًا أن تحجز لقاءً مع الأمانة الاجتماعية.

not-found-title = الصفحة غير موجودة
not-found = العنوان الذي فتحته لا يطابق أي صفحة. ربما كُتب بشكل خاطئ، أو نُقلت الصفحة إلى مكان آخر.
not-found-home = اذهب إلى الصفحة الرئيسية
not-found-write = اكتب لنا إذا لم تجد ما تبحث عنه
