# The emails about a booking and its calendar file. A booking made in another language gets its
# emails in that language, then the same text in Italian. Neutral words: the Segretariato
# Sociale, never the topic of the meeting.

# Before the Italian copy, in the booking's language.
email-italian-follows = 下面是同一封邮件的意大利语版本。
email-greeting = { $name }，您好：
email-when = 时间：{ $when }
email-new-day = 新的时间：{ $when }
email-where = 地点：{ $place }
email-code = 预约号：{ $code }
email-bring-id = 请带上身份证件。
email-bring-id-free = 请带上身份证件。面谈免费。
email-or-call = 或者打电话 { $phone }。

email-confirmation-subject = 您在社会事务秘书处的面谈预约
email-confirmation-intro = 您在社会事务秘书处（Segretariato Sociale）的面谈预约已经确认。
email-private-link = 要查看、更改或取消预约，请用这个您个人专用的链接（请不要转发给别人）：
email-call-if-not-coming = 如果您来不了，请打电话 { $phone } 告诉我们。
email-not-emergency = 预约不能用于紧急求助：如有危险，请拨打 112。

email-reminder-subject = 提醒：您在社会事务秘书处的面谈
email-reminder-intro = 提醒您：您在社会事务秘书处有一个面谈预约。
email-reminder-change = 如果您来不了，请用您个人专用的链接取消或更改预约：

email-cancelled-subject = 社会事务秘书处的面谈已取消
email-cancelled-intro = 我们已经取消了您 { $date } { $time } 在社会事务秘书处的面谈。
email-book-again = 如果需要，您可以在网站上重新预约面谈。

email-moved-subject = 社会事务秘书处的面谈时间已更改
email-moved-intro = 您在社会事务秘书处的面谈时间已经更改。
email-desk-moved-intro = 按照您和办公室商量好的，您在社会事务秘书处的面谈时间已经更改。
email-desk-moved-link = 如需取消或再次更改预约，请用这个新的个人专用链接（以前的链接不能再用了）：

email-new-link-subject = 您在社会事务秘书处面谈预约的新链接
email-new-link-intro = 这是您新的个人专用链接，可以用来查看、更改或取消您 { $date } { $time } 的面谈（预约号 { $code }）：
email-new-link-old = 以前的链接不能再用了。如果您没有申请新链接，可以不用理会这封邮件。

email-office-cancelled-subject = 社会事务秘书处取消了您的面谈
# $why, the office's reason as staff wrote it in Italian, is said only in the Italian text: not here.
email-office-cancelled-intro = 很抱歉：我们不得不取消您 { $date } { $time } 在社会事务秘书处的面谈（{ $office }）。
email-office-cancelled-rebook = 您可以在这里重新预约面谈：

calendar-summary = 社会事务秘书处面谈
calendar-description = 预约号：{ $code }。请带上身份证件。
