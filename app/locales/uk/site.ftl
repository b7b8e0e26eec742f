skip-to-content = Перейти до основного вмісту
site-tagline = Соціальні послуги для сімей з неповнолітніми дітьми
nav-label = Головне меню
nav-home = Головна
nav-services = Послуги
nav-topics = Теми
nav-assistance = Попросити допомогу
language-switcher = Мова
language-offer = Ця сторінка є також українською мовою.
language-offer-link = Читати українською

emergency-label = Екстрені номери
emergency-danger = Якщо є безпосередня небезпека, телефонуйте
emergency-children = Для дітей і молоді у складних ситуаціях:
emergency-children-line = 114 Екстрена допомога дітям
emergency-violence = Проти насильства та переслідування:
full-stop = .
emergency-not-a-channel = Запис на прийом — це не спосіб отримати допомогу в надзвичайній ситуації.

footer-tagline = Віконце соціальних служб для сімей
footer-about = Sportello — це онлайн-вхід до Соціального секретаріату (Segretariato Sociale). Ваші дані використовуються лише для відповіді на ваші запити.
footer-contacts = Контакти
footer-report = Повідомити про проблему
footer-privacy = Повідомлення про конфіденційність
footer-accessibility = Заява про доступність
footer-legal = Правова інформація
footer-faq = Часті запитання
breadcrumb-label = Ви тут
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = Сторінки або елемента, який ви шукаєте, більше немає або ніколи не було.
error-forbidden = У вас немає дозволу на цю дію.
error-unavailable = Сервіс зараз недоступний. Спробуйте ще раз за кілька хвилин; якщо проблема не зникне, повідомте офісу цей код: { $code }.
error-internal = Через технічну проблему ваш запит не виконано. Спробуйте пізніше; якщо проблема не зникне, повідомте офісу цей код: { $code }.
error-form-incomplete = Форма надійшла неповною. Перевірте дані й надішліть її ще раз.
