# What flows say in Arabic whatever the intent: buttons, corrections, commands,
# and the words answers are read with. The lists at the end are the words Arabic
# speakers type (standard and everyday forms), not translations of the English
# lists. They are comma-separated; `|` separates other ways of writing the same
# item (the first is shown in dates). Matching unifies أ/إ/آ/ا, ى/ي and ة/ه, so
# one spelling of each is enough. Months and weekdays are matched one word at a
# time, so the two-word Levantine names (كانون الثاني…) cannot be listed.
# Phone numbers with spaces sit between { "\u2066" } and { "\u2069" } (a
# left-to-right isolate) so that right-to-left text keeps their digit groups in order.

button-yes = نعم
button-no = لا
button-cancel = إلغاء
button-carry-on = متابعة

flow-cancelled = حسنًا، تم الإلغاء. هل هناك أي شيء آخر يمكنني مساعدتك فيه؟
flow-restarted = لا مشكلة، لنبدأ من جديد.
flow-confirm-no = لا مشكلة، لنراجع الخطوات مرة أخرى.
flow-switch-offer = يبدو أنك تريد المساعدة في «{ $other }». هل ننتقل إلى ذلك بدلًا من «{ $current }»؟
flow-action-failed = عذرًا، لم أتمكن من حفظ ذلك الآن. يُرجى المحاولة مرة أخرى بعد بضع دقائق، أو التحدث إلى أحد الموظفين.
intent-clarify = عذرًا، لست متأكدًا تمامًا مما تقصده. هل هو أحد هذه الخيارات؟
command-nothing-to-cancel = لا يوجد ما يمكن إلغاؤه. كيف يمكنني مساعدتك؟
command-choose-language = ما اللغة التي تفضل استخدامها؟
slot-too-many-tries = أواجه صعوبة في فهم هذه الإجابة. هل تفضّل التحدث إلى أحد الموظفين، أم الإلغاء في الوقت الحالي؟

slot-invalid-text = عذرًا، أحتاج إلى بضع كلمات لأتمكن من المتابعة. هل يمكنك كتابة إجابتك؟
slot-invalid-number = عذرًا، أحتاج هنا إلى رقم، مثل 3.
slot-invalid-number-range = يجب أن يكون الرقم بين { $min } و{ $max }.
slot-invalid-date = عذرًا، لم أتمكن من قراءة ذلك كتاريخ. يمكنك كتابته هكذا: 14/03/2026 أو 14 مارس، أو كتابة «أمس».
slot-invalid-date-future = هذا التاريخ في المستقبل. يُرجى كتابة تاريخ اليوم أو تاريخ سابق.
slot-invalid-date-past = هذا التاريخ قد مضى. يُرجى كتابة تاريخ اليوم أو تاريخ لاحق.
slot-invalid-time = عذرًا، لم أتمكن من قراءة ذلك كوقت. يمكنك كتابته بنظام 24 ساعة، مثل 14:30.
slot-invalid-postcode = لا يبدو هذا رمزًا بريديًا (postcode) في المملكة المتحدة. يجب أن يكون مثل CF10 3AB.
slot-invalid-email = لا يبدو هذا عنوان بريد إلكتروني. يجب أن يكون مثل name@example.com.
slot-invalid-phone = لا يبدو هذا رقم هاتف في المملكة المتحدة. يُرجى كتابة الرقم كاملًا، مثل { "\u2066" }07700 900123{ "\u2069" }.
slot-invalid-choice = عذرًا، لم أفهم أي خيار تقصد. يُرجى اختيار أحد الخيارات.
slot-invalid-yes-no = عذرًا، هل إجابتك نعم أم لا؟
slot-invalid-reference = لا يبدو هذا أحد أرقامنا المرجعية. أرقامنا المرجعية تشبه هذا: CB-7K3Q-9X.

# These follow "… وهو الآن" in intent-case-status-found.
case-status-open = بانتظار المعالجة
case-status-in-progress = قيد المعالجة
case-status-closed = مغلق

answer-yes = نعم, أيوه|أيوا, اي|ايوة, آه, صح, صحيح, تمام, أكيد, طبعًا, بالتأكيد, موافق, بالضبط, حسنًا, ماشي, أجل, بلى, يب, ما في مشكلة|مافي مشكلة, لا مانع, لا مشكلة
answer-no = لا|لأ, لا شكرًا, كلا, مش صحيح, غير صحيح, مو صحيح, ليس صحيحًا, خطأ, غلط, مش هيك, مش كده, أبدًا, مش مظبوط
date-today = اليوم, هذا الصباح, النهارده, صباح اليوم
date-yesterday = أمس|امبارح|مبارح|البارحة|الأمس|بالأمس, ليلة أمس, الليلة الماضية
date-tomorrow = غدًا|بكرة|بكرا
date-months = يناير, فبراير|شباط, مارس|آذار, أبريل|نيسان, مايو|أيار, يونيو|يونيه|حزيران, يوليو|يوليه|تموز, أغسطس|آب, سبتمبر|أيلول, أكتوبر, نوفمبر, ديسمبر
date-weekdays = الاثنين|اثنين|الاتنين, الثلاثاء|ثلاثاء|التلات|الثلاثا, الأربعاء|أربعاء|الأربعا, الخميس|خميس, الجمعة|جمعة, السبت|سبت, الأحد
