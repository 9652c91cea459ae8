# Errors residents may see in the chat window, in Arabic. Say what happened and
# what to do; never blame the resident.
# Phone numbers with spaces sit between { "\u2066" } and { "\u2069" } (a
# left-to-right isolate) so that right-to-left text keeps their digit groups in order.

error-malformed-json = عذرًا، لم تصلني تلك الرسالة بشكل صحيح. يُرجى إرسالها مرة أخرى.
error-unknown-frame-type = عذرًا، أرسلت نافذة الدردشة هذه شيئًا لا أفهمه («{ $type }»). عادةً ما تُحل المشكلة بإعادة تحميل الصفحة.
error-invalid-frame = عذرًا، لم تصلني تلك الرسالة بشكل صحيح. يُرجى إرسالها مرة أخرى.
error-invalid-utf8 = عذرًا، في تلك الرسالة أحرف لم أتمكن من قراءتها. يُرجى كتابتها مرة أخرى.
error-message-empty = رسالتك فارغة. يُرجى كتابة سؤالك وإرساله مرة أخرى.
error-message-too-long = هذه الرسالة أطول مما أستطيع قراءته. يُرجى تقصيرها بحيث لا يزيد عدد أحرفها على { $limit }، أو تقسيمها إلى رسائل أقصر.
error-binary-not-supported = عذرًا، يمكنني هنا قراءة الرسائل النصية فقط، وليس الملفات أو الصور.
error-rate-limited = تصلني الرسائل أسرع مما أستطيع الرد عليها. يُرجى الانتظار بضع ثوانٍ ثم المحاولة مرة أخرى.
error-hello-required = عذرًا، لم تبدأ المحادثة بشكل صحيح. عادةً ما تُحل المشكلة بإعادة تحميل الصفحة.
error-unsupported-version = عذرًا، نافذة الدردشة هذه قديمة (الإصدار { $version }). يُرجى إعادة تحميل الصفحة.
error-replaced = هذه المحادثة مفتوحة الآن في نافذة أخرى، لذا توقفت في هذه النافذة.
error-internal = عذرًا، حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل، أو الاتصال بالرقم { "\u2066" }{ -council-phone }{ "\u2069" }.
