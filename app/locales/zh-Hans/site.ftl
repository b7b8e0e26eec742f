skip-to-content = 跳到主要内容
site-tagline = 为有未成年子女的家庭提供社会服务
nav-label = 主菜单
nav-home = 首页
nav-services = 服务
nav-topics = 主题
nav-assistance = 请求帮助
language-switcher = 语言
language-offer = 本页面也有简体中文版本。
language-offer-link = 阅读中文版

emergency-label = 紧急电话
emergency-danger = 如有紧急危险，请拨打
emergency-children = 遇到困难的儿童和青少年：
emergency-children-line = 114 儿童紧急热线
emergency-violence = 反对暴力和跟踪骚扰：
full-stop = 。
emergency-not-a-channel = 预约不能用于紧急求助。

footer-tagline = 面向家庭的社会服务窗口
footer-about = Sportello 是社会事务秘书处（Segretariato Sociale）的网上入口。您填写的信息只用于回复您的请求。
footer-contacts = 联系方式
footer-report = 反映服务问题
footer-privacy = 隐私说明
footer-accessibility = 无障碍声明
footer-legal = 法律声明
footer-faq = 常见问题
breadcrumb-label = 当前位置
# A problem, in one plain sentence; { $code } is the request's id, which staff find in the log.
error-not-found = 您要找的页面或内容已经不存在，或者从未存在过。
error-forbidden = 您没有权限进行这项操作。
error-unavailable = 服务暂时无法访问。请过几分钟再试；如果问题仍然存在，请把这个代码告诉办公室：{ $code }。
error-internal = 出现了技术问题，您的请求没有完成。请稍后再试；如果问题仍然存在，请把这个代码告诉办公室：{ $code }。
error-form-incomplete = 表格提交不完整。请检查您填写的信息，然后重新提交。
