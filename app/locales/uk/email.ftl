# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = Нижче ви знайдете цей самий лист італійською мовою.
email-greeting = Добрий день, { $name }!
email-when = Коли: { $when }
email-new-day = Нова дата: { $when }
email-where = Де: { $place }
email-code = Код запису: { $code }
email-bring-id = Візьміть із собою документ, що посвідчує особу.
email-bring-id-free = Візьміть із собою документ, що посвідчує особу. Зустріч безкоштовна.
email-or-call = або зателефонуйте за номером { $phone }.

email-confirmation-subject = Ваша зустріч у Соціальному секретаріаті
email-confirmation-intro = Підтверджуємо ваш запис на зустріч у Соціальному секретаріаті (Segretariato Sociale).
email-private-link = Щоб переглянути, перенести або скасувати зустріч, скористайтеся цим особистим посиланням (не пересилайте його іншим людям):
email-call-if-not-coming = Якщо ви не можете прийти, повідомте нас за номером { $phone }.
email-not-emergency = Запис на зустріч — це не спосіб отримати допомогу в надзвичайній ситуації: якщо є небезпека, телефонуйте 112.

email-reminder-subject = Нагадування: зустріч у Соціальному секретаріаті
email-reminder-intro = Нагадуємо про вашу зустріч у Соціальному секретаріаті.
email-reminder-change = Якщо ви не можете прийти, скасуйте або перенесіть зустріч за своїм особистим посиланням:

email-cancelled-subject = Зустріч у Соціальному секретаріаті скасовано
email-cancelled-intro = Ми скасували вашу зустріч у Соціальному секретаріаті ({ $date }, о { $time }).
email-book-again = Якщо хочете, ви можете записатися на нову зустріч на сайті.

email-moved-subject = Зустріч у Соціальному секретаріаті перенесено
email-moved-intro = Вашу зустріч у Соціальному секретаріаті перенесено.
email-desk-moved-intro = Як ви домовилися з офісом, вашу зустріч у Соціальному секретаріаті перенесено.
email-desk-moved-link = Щоб скасувати її або знову перенести, скористайтеся цим новим особистим посиланням (старе посилання більше не працює):

email-new-link-subject = Нове посилання на вашу зустріч у Соціальному секретаріаті
email-new-link-intro = Ось нове особисте посилання, щоб переглянути, перенести або скасувати вашу зустріч ({ $date }, о { $time }, код { $code }):
email-new-link-old = Старе посилання більше не працює. Якщо ви не просили нове посилання, просто не звертайте уваги на цей лист.

email-office-cancelled-subject = Соціальний секретаріат скасував вашу зустріч
# $why, the office's reason as staff wrote it in Italian, is said only in the Italian text: not here.
email-office-cancelled-intro = Нам шкода, але ми змушені були скасувати вашу зустріч у Соціальному секретаріаті ({ $date }, о { $time }, офіс: { $office }).
email-office-cancelled-rebook = Записатися на нову зустріч можна тут:

calendar-summary = Зустріч у Соціальному секретаріаті
calendar-description = Код запису: { $code }. Візьміть із собою документ, що посвідчує особу.
