# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = Попросити допомогу
assistance-title-error = Помилка: попросити допомогу
assistance-lead = Не можете знайти потрібну інформацію або маєте проблему із сайтом? Напишіть нам: ми відповімо електронною поштою, зазвичай протягом двох робочих днів.
assistance-not-emergency = Ця форма не для надзвичайних ситуацій.
assistance-call-112 = Якщо вам або дитині загрожує небезпека, негайно телефонуйте 112.
assistance-email-hint = Ми відповімо на цю адресу.
assistance-topic = Тема
assistance-message = Повідомлення
assistance-message-hint = Не більше 1000 символів. Не пишіть про здоров’я чи делікатні особисті справи: про це ви поговорите особисто із соціальним працівником.
assistance-privacy = Я прочитав(ла) повідомлення про обробку персональних даних: дані з цієї форми потрібні лише для відповіді на запит.
assistance-send = Надіслати запит
assistance-topic-servizi = Інформація про послуги
assistance-topic-appuntamento = Запис на зустріч із Соціальним секретаріатом
assistance-topic-sito = Проблеми з користуванням сайтом
assistance-topic-disservizio = Повідомити про проблему з обслуговуванням
assistance-topic-altro = Інше
assistance-choose-topic = Виберіть тему запиту.
assistance-write-message = Напишіть повідомлення.
assistance-message-too-long = Повідомлення задовге: не більше { $max } символів, ви написали { $length }.
assistance-privacy-needed = Щоб надіслати запит, підтвердьте, що ви прочитали повідомлення про обробку даних.
assistance-sent-title = Запит надіслано
assistance-sent = Ми отримали ваше повідомлення. Ми відповімо на адресу електронної пошти, яку ви вказали.
assistance-sent-book = Якщо вам потрібно поговорити із соціальним працівником, ви також можете записатися на зустріч із Соціальним секретаріатом.

not-found-title = Сторінку не знайдено
not-found = За адресою, яку ви відкрили, немає жодної сторінки. Можливо, адресу написано з помилкою або сторінку перенесено.
not-found-home = Перейти на головну сторінку
not-found-write = Напишіть нам, якщо не можете знайти те, що шукаєте
