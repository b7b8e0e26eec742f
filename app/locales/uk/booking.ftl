# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = Записатися на зустріч
booking-lead = Перший крок — зустріч із Соціальним секретаріатом (Segretariato Sociale). Вона безкоштовна і триває приблизно пів години. Виберіть офіс, день і час, які вам зручні.
booking-steps-label = Кроки запису
booking-step = Крок
booking-step-done = (виконано)
booking-step-office = Офіс
booking-step-topic = Тема
booking-step-time = День і час
booking-step-details = Ваші дані
booking-step-summary = Перевірка
booking-change-office = Змінити офіс
booking-change-topic = Змінити тему
booking-change-time = Змінити день або час
booking-when = { $date }, з { $starts } до { $ends }
booking-time-range = з { $starts } до { $ends }
booking-next = Далі
booking-office-title = Запис: виберіть офіс
booking-office-question = У якому офісі ви хочете зустрітися?
booking-topic-title = Запис: виберіть тему
booking-topic-question = Про що ви хочете поговорити?
booking-topic-hint = Це потрібно лише для того, щоб підготуватися до зустрічі. Якщо не знаєте, що вибрати, виберіть останній варіант.
booking-day-title = Запис: виберіть день
booking-time-title = Запис: виберіть час
booking-free-times-of = Вільний час: { $date }
booking-seats = { $n ->
    [one] { $n } вільне місце
    [few] { $n } вільні місця
    [many] { $n } вільних місць
   *[other] { $n } вільних місць
}
booking-other-day = Вибрати інший день
booking-slot-gone = Час, який ви вибрали, уже зайнятий. Виберіть інший.
booking-day-full = У день, який ви вибрали, вже немає вільних місць. Виберіть інший день.

calendar-choose-day = Виберіть день
calendar-help = Натиснути можна на дні, у яких є хоча б один вільний час.
calendar-days-of = Дні місяця: { $month }
calendar-free-times = { $n ->
    [one] { $n } вільний варіант часу
    [few] { $n } вільні варіанти часу
    [many] { $n } вільних варіантів часу
   *[other] { $n } вільних варіантів часу
}
calendar-no-free-time = немає вільного часу
calendar-month-full = У цьому місяці вже немає вільного часу. Подивіться наступний місяць або зателефонуйте до Соціального секретаріату.

details-title = Запис: ваші дані
details-title-error = Помилка: запис, ваші дані
details-heading = Ваші дані
details-lead = Ми питаємо лише те, що потрібно для зустрічі.
details-given-name = Ім’я
details-family-name = Прізвище
details-email = Електронна пошта
details-email-hint = Сюди ми надішлемо підтвердження. Якщо у вас немає електронної пошти, напишіть хоча б номер телефону.
details-phone = Телефон
details-cf = Податковий код (codice fiscale)
details-cf-hint = Не обов’язково. Це допоможе офісу знайти вашу справу, якщо вона вже є.
details-language = Якою мовою вам зручніше говорити?
details-interpreter = Мені потрібен перекладач або культурний медіатор
details-accessibility = Потреби щодо доступності
details-accessibility-hint = Наприклад: я приїду на візку, мені потрібен перекладач жестової мови.
details-about = Про що ви хочете поговорити
details-about-hint = Не більше 200 символів. Не пишіть про здоров’я чи делікатні особисті справи: про це ви розкажете на зустрічі.
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = Я прочитав(ла) 
details-privacy-link = повідомлення про обробку персональних даних
details-privacy-after = : мої дані потрібні лише для запису на зустріч.
details-continue = Продовжити
details-need-contact = Напишіть адресу електронної пошти або номер телефону: вони потрібні, щоб підтвердити запис.
details-choose-language = Виберіть мову зі списку.
details-accessibility-too-long = Текст про потреби щодо доступності задовгий: не більше { $max } символів, ви написали { $length }.
details-about-too-long = Текст про тему розмови задовгий: не більше { $max } символів, ви написали { $length }.
details-privacy-needed = Щоб записатися, підтвердьте, що ви прочитали повідомлення про обробку даних.

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = Італійська
interview-language-en = Англійська
interview-language-fr = Французька
interview-language-es = Іспанська
interview-language-ar = Арабська
interview-language-zh = Китайська
interview-language-ro = Румунська
interview-language-sq = Албанська
interview-language-uk = Українська
interview-language-altra = Інша мова

summary-crumb = Перевірка
summary-heading = Перевірте і підтвердіть
summary-title = Запис: перевірка
summary-taken-title = Помилка: вибране місце вже зайняте
summary-name = Ім’я та прізвище
summary-email-none = не вказано
summary-phone-none = не вказано
summary-language = Мова
summary-interpreter = Перекладач
summary-interpreter-yes = так, потрібен перекладач або медіатор
summary-accessibility = Доступність
summary-check = Перевірте дані: якщо щось не так, поверніться назад кнопкою браузера і виправте.
summary-confirm = Підтвердити запис
summary-gone-heading = Це місце вже зайняте
summary-no-alternatives = Близько до вибраного часу інших вільних місць немає. Зателефонуйте до Соціального секретаріату ({ $phone }) або виберіть інший день.
summary-alternatives = Вільний час, найближчий до того, який ви вибрали:
summary-choose-this = Вибрати цей час
summary-already-title = Запис уже підтверджено
summary-already = Цей запис уже підтверджено, його код: { $code }.
summary-see-confirmation = Переглянути підтвердження
draft-gone-title = Час для запису минув
draft-gone = Цей незавершений запис уже не дійсний або його не існує. Зустріч не зареєстровано.
draft-restart = Почати запис знову

confirmed-title = Запис підтверджено
confirmed-not-found = Запис не знайдено
confirmed-code-intro = Вашу зустріч зареєстровано. Код запису:
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = Код { $spelled }
confirmed-email = Якщо ви вказали електронну пошту, ми надіслали вам підтвердження з посиланням, щоб скасувати або перенести зустріч. Усе одно запишіть код: він знадобиться, якщо доведеться телефонувати до офісу.
add-to-calendar = Додати до календаря
confirmed-next = Що буде далі
confirmed-bring-id = Візьміть із собою документ, що посвідчує особу. Зустріч безкоштовна.
confirmed-cannot-come = Якщо ви не можете прийти, скасуйте або перенесіть зустріч за посиланням із листа або повідомте офіс за номером { $phone }.
confirmed-lost-email = Загубили лист?
ask-new-link = Попросити нове посилання
back-home = Повернутися на головну сторінку

manage-heading = Ваша зустріч
manage-bad-link-title = Посилання недійсне
manage-bad-link = Посилання недійсне або вже не працює. Якщо ви просили нове, скористайтеся посиланням з останнього листа.
manage-cancelled-said = Зустріч скасовано. Якщо у вас є електронна пошта, ми надіслали вам підтвердження.
manage-moved-said = Зустріч перенесено. Якщо у вас є електронна пошта, ми надіслали вам підтвердження.
manage-cancelled-title = Зустріч скасовано
manage-is-cancelled = Цю зустріч скасовано.
book-new = Записатися на нову зустріч
manage-too-late = До зустрічі залишилося менше ніж { $hours } год: щоб скасувати чи перенести її, зателефонуйте за номером { $phone }.
manage-code = Код
manage-when = Коли
manage-where = Де
manage-name = На ім’я
manage-move = Перенести зустріч
manage-keep = Залишити зустріч без змін
manage-cancel = Скасувати зустріч
manage-day-full = У цей день уже немає вільного часу.
manage-move-here = Перенести на цей час

new-link-title = Загубили посилання?
new-link-lead = Напишіть код запису та електронну пошту або телефон, які ви вказали під час запису: ми надішлемо на пошту нове посилання, щоб переглянути, перенести або скасувати зустріч.
new-link-sent = Якщо код і пошта або телефон відповідають запланованій зустрічі, ми надіслали вам лист із новим посиланням. Старе посилання більше не працює.
new-link-code = Код запису
new-link-code-hint = 8 символів, наприклад K7MP3XQ9.
new-link-contact = Електронна пошта або телефон
new-link-send = Надіслати мені нове посилання

# What a form says when the booking cannot go on.
error-slot-taken = Місце, яке ви вибрали, уже зайняте: хтось записався раніше за вас. Виберіть один із вільних варіантів часу нижче: ваші дані збережено.
error-draft-expired = Незавершений запис уже не дійсний або його не існує. Почніть знову з вибору офісу: це займе хвилину.
error-choose-listed = Виберіть один із вільних варіантів часу зі списку.
error-just-taken = Цей час щойно зайняла інша людина. Виберіть інший.
error-booking-failed = Не вдалося зареєструвати запис. Спробуйте ще раз трохи пізніше.
error-too-late-cancel = До зустрічі залишилося менше ніж { $hours } год: скасувати її онлайн уже не можна. Зателефонуйте за номером { $phone }.
error-too-late-move = До зустрічі залишилося менше ніж { $hours } год: перенести її онлайн уже не можна. Зателефонуйте за номером { $phone }.
error-link-gone = Посилання недійсне або його термін дії минув. Якщо ви загубили посилання, попросіть нове.
error-code-shape = Напишіть код запису: 8 символів, літери й цифри.
error-contact-missing = Напишіть електронну пошту або номер телефону, які ви вказали під час запису.
error-too-many = З цією електронною поштою або номером телефону вже заплановано найбільшу можливу кількість зустрічей: { $max }. Щоб записатися ще раз, спочатку скасуйте одну з них або зателефонуйте до Соціального секретаріату ({ $phone }).
