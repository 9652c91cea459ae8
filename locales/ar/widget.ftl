# نصوص نافذة المحادثة نفسها (docs/widget.md): أزرارها وتسمياتها وحالاتها.
# ما يقوله المساعد موجود في bot.ftl. تملأ النافذة `{ $name }` و`{ $title }` بنفسها.

widget-launcher = تحدّث معنا
widget-title = { -council-name }
widget-automated = أنت تتحدث مع مساعد آلي، لا مع شخص. يمكنك أن تطلب التحدث إلى موظف في أي وقت.
widget-close = إغلاق
widget-end-chat = إنهاء المحادثة
widget-ended = لقد أنهيت المحادثة، وحُذفت من هذا المتصفح.
widget-new-chat = بدء محادثة جديدة
widget-log-label = المحادثة
widget-input-label = رسالتك
widget-send = إرسال
widget-language-label = اللغة
widget-language-auto = حسب لغة رسائلي
widget-you = أنت
widget-assistant = المساعد
widget-agent = { $name }، من موظفي المجلس
widget-source = المصدر: { $title }
widget-new-tab = (يُفتح في علامة تبويب جديدة)
widget-connecting = جارٍ الاتصال…
widget-reconnecting = انقطع الاتصال. جارٍ إعادة الاتصال…
widget-unsent = لم تُرسل بعد: ستُرسل عند عودة الاتصال.
widget-offline = المحادثة غير متاحة حاليًا. يمكنك الاتصال بنا على الرقم { -council-phone } ({ -council-hours }) أو مراسلتنا على { -council-email }.
widget-retry = حاول مرة أخرى
widget-contact-phone = { -council-phone }
widget-contact-email = { -council-email }
