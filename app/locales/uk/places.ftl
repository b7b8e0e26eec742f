# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = Зараз відчинено, до { $time }
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = Сьогодні зачинено ({ $reason }).
opening-closed-now = Зараз зачинено.
opening-reopens = Відчиниться знову: { $when }, о { $time }
opening-none-soon = У найближчі три місяці відкриття не заплановано
opening-today = сьогодні
opening-tomorrow = завтра
# Days with the same hours: "From Monday to Thursday", "Monday and Tuesday".
hours-days-range = { $first }–{ $last }
hours-days-two = { $first } та { $last }
hours-two-windows = { $first } та { $second }

contacts-title = Контакти
contacts-loading = Завантаження контактів…
contacts-lead = Соціальний секретаріат приймає лише за записом. Щоб записатися на зустріч, зателефонуйте у вказані години. Щоб поставити запитання письмово, скористайтеся формою:
contacts-phone = Телефон
contacts-offices = Офіси
contacts-organisation = Установа
contacts-switchboard = Загальний телефон:

topics-title = Теми
topics-lead = Послуги, зібрані за темами. Виберіть тему, щоб побачити послуги, які до неї належать.
topics-services = { $n ->
    [one] { $n } послуга
    [few] { $n } послуги
    [many] { $n } послуг
   *[other] { $n } послуг
}

services-title = Послуги
services-lead = Тут ви знайдете всі послуги для сімей з неповнолітніми дітьми. Майже для всіх послуг перший крок — зустріч із Соціальним секретаріатом, за записом.
services-loading = Завантаження послуг…
services-search-label = Пошук серед послуг
services-search = Знайти послугу
services-search-hint = Наприклад: фінансова допомога, прийомна сім’я, школа.
services-category = Категорія
services-all-categories = Усі категорії
services-topic = Тема
services-all-topics = Усі теми
services-search-button = Шукати
services-show-all = Показати всі послуги
services-none-found = Жодна послуга не відповідає пошуку. Спробуйте інші слова або приберіть один фільтр.
services-found = { $n ->
    [one] Знайдено { $n } послугу.
    [few] Знайдено { $n } послуги.
    [many] Знайдено { $n } послуг.
   *[other] Знайдено { $n } послуг.
}
services-count = { $n ->
    [one] { $n } послуга.
    [few] { $n } послуги.
    [many] { $n } послуг.
   *[other] { $n } послуг.
}
service-active = Послуга діє
service-topics = Теми
service-index = Зміст сторінки
service-for-whom = Для кого
service-how-to = Як звернутися
service-needed = Що потрібно
service-obtained = Що ви отримаєте
service-times = Терміни
service-conditions = Умови надання послуги
service-access = Доступ до послуги
service-book-meeting = Записатися на зустріч із Соціальним секретаріатом
service-read-conditions = Прочитайте умови надання послуги: доступ, вартість, права й обов’язки
service-answers = На запитання відповідає:
service-by-appointment = Приймає лише за записом:
updated-on = Останнє оновлення: { $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = Цю сторінку ще не перекладено українською: нижче ви знайдете текст італійською.
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = Можливо, цей переклад застарів: після перекладу італійський текст змінився.
read-in-italian = Читати цю сторінку італійською
# How a service is reached, under "service-access".
service-access-appointment = Щоб отримати цю послугу, спершу потрібна зустріч із Соціальним секретаріатом (Segretariato Sociale) за попереднім записом.
service-access-appointment-or-court = Щоб отримати цю послугу, спершу потрібна зустріч із Соціальним секретаріатом (Segretariato Sociale) за попереднім записом. Послуга може розпочатися також на вимогу суду (Autorità Giudiziaria).
service-access-court = Ця послуга розпочинається на вимогу суду (Autorità Giudiziaria): служба сама зв’язується з родиною. Якщо у вас є запитання, ви можете попросити про зустріч із Соціальним секретаріатом (Segretariato Sociale).
