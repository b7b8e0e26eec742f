# "Ask for help", its answer, and the page for an address that leads nowhere.

assistance-title = 请求帮助
assistance-title-error = 错误：请求帮助
assistance-lead = 找不到需要的信息，或者使用网站时遇到问题？请给我们写信：我们会用电子邮件回复您，通常在两个工作日内。
assistance-not-emergency = 这个表格不能用于紧急求助。
assistance-call-112 = 如果您或孩子有危险，请马上拨打 112。
assistance-email-hint = 我们会回复到这个邮箱。
assistance-topic = 主题
assistance-message = 留言
assistance-message-hint = 最多 1000 个字符。请不要写健康情况或敏感的私人事情：这些可以和社工当面说。
assistance-privacy = 我已阅读个人信息处理说明：这个表格里的信息只用于回复我的请求。
assistance-send = 发送请求
assistance-topic-servizi = 关于服务的信息
assistance-topic-appuntamento = 和社会事务秘书处的预约
assistance-topic-sito = 使用网站时遇到的问题
assistance-topic-disservizio = 反映服务问题
assistance-topic-altro = 其他
assistance-choose-topic = 请选择请求的主题。
assistance-write-message = 请写下您的留言。
assistance-message-too-long = 留言太长了：最多 { $max } 个字符，您写了 { $length } 个。
assistance-privacy-needed = 要发送请求，请先确认您已阅读个人信息处理说明。
assistance-sent-title = 请求已发送
assistance-sent = 我们已经收到您的留言。我们会回复到您填写的电子邮件地址。
assistance-sent-book = 如果您需要和社工谈，也可以预约和社会事务秘书处面谈。

not-found-title = 找不到页面
not-found = 您打开的地址没有对应的页面。可能是地址写错了，或者页面已经移走了。
not-found-home = 返回首页
not-found-write = 如果找不到您要的内容，请给我们写信
