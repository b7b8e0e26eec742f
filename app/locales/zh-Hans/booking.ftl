# The booking flow: the steps, the summary, the confirmation, the private page to move or cancel,
# finding a booking again, and their errors. Dates and times are put in by the page, already in
# the page's language ({ $date }, { $starts }, { $ends }).

booking-title = 预约面谈
booking-lead = 第一步是和社会事务秘书处（Segretariato Sociale）面谈：面谈免费，大约半小时。请选择您方便的办公地点、日期和时间。
booking-steps-label = 预约步骤
booking-step = 步骤
booking-step-done = （已完成）
booking-step-office = 办公地点
booking-step-topic = 主题
booking-step-time = 日期和时间
booking-step-details = 您的信息
booking-step-summary = 核对信息
booking-change-office = 更换办公地点
booking-change-topic = 更换主题
booking-change-time = 更换日期或时间
booking-when = { $date }，{ $starts } 至 { $ends }
booking-time-range = { $starts } 至 { $ends }
booking-next = 下一步
booking-office-title = 预约：选择办公地点
booking-office-question = 您想在哪里面谈？
booking-topic-title = 预约：选择主题
booking-topic-question = 您想谈什么？
booking-topic-hint = 这只是为了准备面谈。如果不知道选哪个，选最后一项就可以。
booking-day-title = 预约：选择日期
booking-time-title = 预约：选择时间
booking-free-times-of = { $date }的空闲时间
booking-seats = { $n ->
   *[other] 还有 { $n } 个空位
}
booking-other-day = 选择其他日期
booking-slot-gone = 您选的时间已经没有空位了。请另选一个时间。
booking-day-full = 您选的那一天已经约满了。请另选一天。

calendar-choose-day = 选择日期
calendar-help = 有空闲时间的日期可以点击。
calendar-days-of = { $month }的日期
calendar-free-times = { $n ->
   *[other] { $n } 个空闲时间
}
calendar-no-free-time = 没有空闲时间
calendar-month-full = 这个月已经没有空闲时间了。请看下个月，或打电话给社会事务秘书处。

details-title = 预约：您的信息
details-title-error = 错误：预约，您的信息
details-heading = 您的信息
details-lead = 我们只问面谈需要的信息。
details-given-name = 名字
details-family-name = 姓氏
details-email = 电子邮件
details-email-hint = 我们会把确认信息发到这个邮箱。如果您没有电子邮件，请至少填写电话。
details-phone = 电话
details-cf = 税号（codice fiscale）
details-cf-hint = 可以不填。填了以后，办公室更容易找到您已有的档案。
details-language = 您想用哪种语言交谈？
details-interpreter = 我需要翻译或文化调解员
details-accessibility = 无障碍需求
details-accessibility-hint = 例如：我坐轮椅来；我需要手语翻译。
details-about = 您想谈什么
details-about-hint = 最多 200 个字符。请不要写健康情况或敏感的私人事情：这些可以在面谈时当面说。
# The privacy checkbox: the text before the link, the link, the text after it.
details-privacy-before = 我已阅读
details-privacy-link = 个人信息处理说明
details-privacy-after = ：我的信息只用于这次预约。
details-continue = 继续
details-need-contact = 请填写电子邮件地址或电话号码：我们需要用它来确认预约。
details-choose-language = 请从列表中选择一种语言。
details-accessibility-too-long = 无障碍需求写得太长了：最多 { $max } 个字符，您写了 { $length } 个。
details-about-too-long = “您想谈什么”写得太长了：最多 { $max } 个字符，您写了 { $length } 个。
details-privacy-needed = 要预约，请先确认您已阅读个人信息处理说明。

# The languages of the interview, as "In che lingua preferisci parlare?" lists them.
interview-language-it = 意大利语
interview-language-en = 英语
interview-language-fr = 法语
interview-language-es = 西班牙语
interview-language-ar = 阿拉伯语
interview-language-zh = 中文
interview-language-ro = 罗马尼亚语
interview-language-sq = 阿尔巴尼亚语
interview-language-uk = 乌克兰语
interview-language-altra = 其他语言

summary-crumb = 核对信息
summary-heading = 核对并确认
summary-title = 预约：核对信息
summary-taken-title = 错误：您选的时间已经没有空位了
summary-name = 姓名
summary-email-none = 未填写
summary-phone-none = 未填写
summary-language = 语言
summary-interpreter = 翻译
summary-interpreter-yes = 是，需要翻译或文化调解员
summary-accessibility = 无障碍需求
summary-check = 请核对您的信息：如果有错，请用浏览器的“返回”按钮回去修改。
summary-confirm = 确认预约
summary-gone-heading = 这个时间已经没有空位了
summary-no-alternatives = 您选的时间前后没有其他空闲时间。请打电话给社会事务秘书处（{ $phone }），或选择其他日期。
summary-alternatives = 离您所选时间最近的空闲时间：
summary-choose-this = 选这个时间
summary-already-title = 预约已经确认
summary-already = 这个预约已经确认，预约号是 { $code }。
summary-see-confirmation = 查看确认信息
draft-gone-title = 预约已过期
draft-gone = 这个还没完成的预约已经过期或不存在了。没有登记任何预约。
draft-restart = 重新开始预约

confirmed-title = 预约已确认
confirmed-not-found = 找不到这个预约
confirmed-code-intro = 您的预约已经登记。预约号是：
# Read aloud by screen readers before the code, spelled one character at a time.
confirmed-code-label = 预约号 { $spelled }
confirmed-email = 如果您填写了电子邮件，我们已经给您发了确认邮件，里面有取消或更改预约的链接。请一定记下预约号：给办公室打电话时会用到。
add-to-calendar = 添加到日历
confirmed-next = 接下来会怎样
confirmed-bring-id = 请带上身份证件。面谈免费。
confirmed-cannot-come = 如果您来不了，请用邮件里的链接取消或更改预约，或打电话 { $phone } 告诉办公室。
confirmed-lost-email = 找不到邮件了？
ask-new-link = 申请新的链接
back-home = 返回首页

manage-heading = 您的预约
manage-bad-link-title = 链接无效
manage-bad-link = 这个链接无效或已经不能用了。如果您申请过新的链接，请用最新一封邮件里的链接。
manage-cancelled-said = 预约已取消。如果您有电子邮件，我们已经给您发了确认。
manage-moved-said = 预约时间已更改。如果您有电子邮件，我们已经给您发了确认。
manage-cancelled-title = 预约已取消
manage-is-cancelled = 这个预约已经取消了。
book-new = 重新预约面谈
manage-too-late = 离预约时间不到 { $hours } 小时：如需取消或更改，请打电话 { $phone }。
manage-code = 预约号
manage-when = 时间
manage-where = 地点
manage-name = 预约人
manage-move = 更改预约时间
manage-keep = 不改变预约
manage-cancel = 取消预约
manage-day-full = 这一天已经没有空闲时间了。
manage-move-here = 改到这个时间

new-link-title = 找不到链接了？
new-link-lead = 请填写预约号，以及预约时留下的电子邮件或电话：我们会用电子邮件给您发一个新链接，用来查看、更改或取消预约。
new-link-sent = 如果预约号和电子邮件或电话对得上一个还没到时间的预约，我们已经给您发了一封带新链接的邮件。以前的链接不能再用了。
new-link-code = 预约号
new-link-code-hint = 8 个字符，例如 K7MP3XQ9。
new-link-contact = 电子邮件或电话
new-link-send = 给我发新链接

# What a form says when the booking cannot go on.
error-slot-taken = 您选的时间已经没有空位了：有人比您先预约了。请从下面的空闲时间中选一个：您填写的信息都还在。
error-draft-expired = 这个还没完成的预约已经过期或不存在了。请从选择办公地点重新开始：只要一分钟。
error-choose-listed = 请从列表中选一个空闲时间。
error-just-taken = 这个时间刚刚被别人预约了。请另选一个。
error-booking-failed = 预约没能登记。请稍后再试。
error-too-late-cancel = 离预约时间不到 { $hours } 小时：已经不能在网上取消预约了。请打电话 { $phone }。
error-too-late-move = 离预约时间不到 { $hours } 小时：已经不能在网上更改预约了。请打电话 { $phone }。
error-link-gone = 链接无效或已过期。如果找不到链接了，请申请一个新的。
error-code-shape = 请填写预约号：8 个字符，由字母和数字组成。
error-contact-missing = 请填写您预约时留下的电子邮件或电话号码。
error-too-many = 用这个电子邮件地址或电话号码预约的面谈已经有 { $max } 个还没到时间。如果还想再预约，请先取消其中一个，或打电话给社会事务秘书处（{ $phone }）。
