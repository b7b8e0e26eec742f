# When and where to find the service: the opening badges, the hours, the contacts page, the
# topics page and the frame of the services' pages (their own texts are the organisation's).

opening-open-until = 现在开放，到 { $time } 为止
# { $reason } is the closure's reason as the office wrote it, in Italian.
opening-closed-today = 今天不开放（{ $reason }）。
opening-closed-now = 现在不开放。
opening-reopens = { $when } { $time } 重新开放
opening-none-soon = 今后三个月内没有开放时间
opening-today = 今天
opening-tomorrow = 明天
# Days with the same hours: "From Monday to Thursday", "Monday and Tuesday".
hours-days-range = { $first }至{ $last }
hours-days-two = { $first }和{ $last }
hours-two-windows = { $first } 和 { $second }

contacts-title = 联系方式
contacts-loading = 正在加载联系方式…
contacts-lead = 社会事务秘书处只接待预约。如果想面谈，请在列出的时间内打电话。如果想书面提问，请使用表格：
contacts-phone = 电话
contacts-offices = 办公地点
contacts-organisation = 机构
contacts-switchboard = 总机：

topics-title = 主题
topics-lead = 这里的服务按主题分类。选择一个主题，就能看到和它有关的服务。
topics-services = { $n ->
   *[other] { $n } 项服务
}

services-title = 服务
services-lead = 这里有为有未成年子女的家庭提供的全部服务。几乎所有服务的第一步都是和社会事务秘书处面谈，需要预约。
services-loading = 正在加载服务…
services-search-label = 在服务中搜索
services-search = 搜索服务
services-search-hint = 例如：经济援助、寄养、学校。
services-category = 类别
services-all-categories = 全部类别
services-topic = 主题
services-all-topics = 全部主题
services-search-button = 搜索
services-show-all = 显示全部服务
services-none-found = 没有找到符合条件的服务。请换个词试试，或去掉一个筛选条件。
services-found = { $n ->
   *[other] 找到 { $n } 项服务。
}
services-count = { $n ->
   *[other] 共 { $n } 项服务。
}
service-active = 服务正在提供
service-topics = 主题
service-index = 本页目录
service-for-whom = 适用对象
service-how-to = 怎么办理
service-needed = 需要准备什么
service-obtained = 可以得到什么
service-times = 时间和期限
service-conditions = 服务条件
service-access = 使用这项服务
service-book-meeting = 预约和社会事务秘书处面谈
service-read-conditions = 阅读服务条件：如何使用、费用、权利和责任
service-answers = 负责解答：
service-by-appointment = 只接待预约：
updated-on = 最后更新：{ $date }
# Above a page whose text the organisation has not translated yet.
not-translated-yet = 本页面还没有翻译成中文：下面是意大利语原文。
# Above a translated page whose Italian text changed after the translation was made.
translation-outdated = 这个翻译可能不是最新的：翻译完成后，意大利语原文有了改动。
read-in-italian = 阅读本页的意大利语版本
# How a service is reached, under "service-access".
service-access-appointment = 要使用这项服务，请先预约，和社会事务秘书处（Segretariato Sociale）面谈。
service-access-appointment-or-court = 要使用这项服务，请先预约，和社会事务秘书处（Segretariato Sociale）面谈。这项服务也可以根据法院（Autorità Giudiziaria）的要求开始。
service-access-court = 这项服务根据法院（Autorità Giudiziaria）的要求开始：由服务部门联系家庭。如果您有问题，可以预约和社会事务秘书处（Segretariato Sociale）面谈。
