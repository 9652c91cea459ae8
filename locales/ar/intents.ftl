# What the demo council's intents say in Arabic (see intents/*.yaml). Titles
# label buttons; prompts ask one question each; confirmations repeat the answers.
# Answers dropped into a sentence follow a colon or sit in «» quotes, so that no
# agreement depends on what the resident typed.
# Phone numbers with spaces sit between { "\u2066" } and { "\u2069" } (a
# left-to-right isolate) so that right-to-left text keeps their digit groups in order.

intent-greeting-title = إلقاء التحية
intent-greeting-reply = مرحبًا! كيف يمكنني مساعدتك اليوم؟ يمكنك السؤال عن جمع القمامة، وضريبة المجلس، والحفر في الطرق، وتصاريح وقوف السيارات، وإصلاحات مساكن المجلس، وغير ذلك.

intent-thanks-title = الشكر
intent-thanks-reply = على الرحب والسعة. إذا احتجت إلى أي شيء آخر، فلا تتردد في السؤال. مع أطيب التمنيات!

intent-speak-to-person-title = التحدث إلى موظف

intent-pay-council-tax-title = دفع ضريبة المجلس
intent-pay-council-tax-reply =
    يمكنك دفع ضريبة المجلس (council tax):
    • عبر الإنترنت ببطاقة خصم أو بطاقة ائتمان، في أي وقت؛
    • بالخصم المباشر (Direct Debit) في اليوم 1 أو 15 أو 28 من الشهر، وهي أسهل طريقة لضمان ألا تفوتك أي دفعة؛
    • عبر الهاتف على خطنا الآلي المتاح على مدار 24 ساعة، { "\u2066" }{ -council-phone }{ "\u2069" }، الخيار 1؛
    • نقدًا في أي مكتب بريد (Post Office) أو نقطة PayPoint، باستخدام الرمز الشريطي (الباركود) الموجود على فاتورتك.
    إذا كنت تجد صعوبة في الدفع، يُرجى التواصل معنا مبكرًا، فكثيرًا ما يمكننا تقسيط المبلغ.
intent-pay-council-tax-link = دفع ضريبة المجلس عبر الإنترنت

intent-parking-permit-title = تصاريح وقوف السيارات
intent-parking-permit-ask-kind = هل تريد تصريح وقوف جديدًا للمقيمين، أم تريد تجديد تصريح لديك بالفعل؟
intent-parking-permit-new = تصريح جديد
intent-parking-permit-renew = تجديد تصريحي
intent-parking-permit-new-reply = يمكنك التقديم عبر الإنترنت إذا كنت تسكن في إحدى مناطق وقوف السيارات المخصصة للمقيمين. ستحتاج إلى رقم تسجيل مركبتك (رقم اللوحة) وإلى ما يثبت عنوانك، مثل فاتورة ضريبة المجلس. تكلفة التصريح £45 في السنة، وعادةً نرسله بالبريد خلال 5 أيام عمل.
intent-parking-permit-new-link = التقديم على تصريح وقوف للمقيمين
intent-parking-permit-renew-reply = نرسل إليك تذكيرًا بالبريد الإلكتروني قبل شهر من انتهاء صلاحية تصريحك. يمكنك تجديده عبر الإنترنت باستخدام رقم التصريح؛ وإذا تغيّرت مركبتك أو تغيّر عنوانك، يُرجى إبلاغنا بذلك عند التجديد.
intent-parking-permit-renew-link = تجديد تصريح وقوف السيارات

intent-library-hours-title = مواعيد عمل المكتبات
intent-library-hours-ask-branch = أي مكتبة تريد معرفة مواعيد عملها؟
intent-library-hours-central = مكتبة غلانافون المركزية
intent-library-hours-llanfair = مكتبة لانفير (Llanfair)
intent-library-hours-pontglas = مكتبة بونتغلاس (Pontglas)
intent-library-hours-central-reply = مكتبة غلانافون المركزية مفتوحة من الاثنين إلى الجمعة من 9 صباحًا حتى 7 مساءً، ويوم السبت من 9 صباحًا حتى 5 مساءً، ويوم الأحد من 11 صباحًا حتى 3 مساءً.
intent-library-hours-llanfair-reply = مكتبة لانفير مفتوحة أيام الاثنين والأربعاء والجمعة من 9:30 صباحًا حتى 5 مساءً، ويوم السبت من 9:30 صباحًا حتى 1 ظهرًا.
intent-library-hours-pontglas-reply = مكتبة بونتغلاس مفتوحة يومي الثلاثاء والخميس من 10 صباحًا حتى 6 مساءً، ويوم السبت من 10 صباحًا حتى 1 ظهرًا.
intent-library-hours-link = مواعيد عمل المكتبات والعطلات الرسمية

intent-report-pothole-title = الإبلاغ عن حفرة في الطريق
intent-report-pothole-ask-location = أين توجد الحفرة؟ يُرجى ذكر اسم الشارع ورقم منزل قريب منها أو معلم قريب.
intent-report-pothole-ask-description = يُرجى وصفها: ما حجمها وعمقها تقريبًا، وهل هي في الطريق أم على الرصيف؟
intent-report-pothole-confirm = سأبلغ عن حفرة في هذا الموقع: «{ $location }»، ووصفها: «{ $description }». هل هذا صحيح؟
intent-report-pothole-done = شكرًا لك، تم تسجيل بلاغك. رقمك المرجعي هو { $reference }. يفحص فريق الطرق لدينا الحفر خلال 5 أيام عمل، والخطيرة منها خلال 24 ساعة.

intent-missed-bin-title = الإبلاغ عن حاوية لم تُجمع
intent-missed-bin-ask-postcode = نأسف لأن حاويتك لم تُجمع. ما رمزك البريدي (postcode)؟
intent-missed-bin-ask-day = في أي يوم كان يجب أن تُجمع؟
intent-missed-bin-ask-bin = ما الحاوية التي لم تُجمع؟
intent-missed-bin-general = النفايات العامة (الحاوية السوداء)
intent-missed-bin-recycling = إعادة التدوير (الصندوق الأزرق)
intent-missed-bin-garden = نفايات الحديقة (الحاوية الخضراء)
intent-missed-bin-food = حاوية بقايا الطعام
intent-missed-bin-confirm = إذًا لم تُجمع هذه الحاوية: { $bin }، في الرمز البريدي { $postcode }، بتاريخ { $day }. هل هذا صحيح؟
intent-missed-bin-done = شكرًا، لقد أبلغت عن ذلك. رقمك المرجعي هو { $reference }. سنعود لجمعها خلال يومي عمل، لذا يُرجى تركها في المكان الذي تضعها فيه عادةً.

intent-noise-complaint-title = الإبلاغ عن ضوضاء
intent-noise-complaint-ask-kind = يؤسفني أنك تتعرض للإزعاج. ما نوع الضوضاء؟
intent-noise-complaint-music = موسيقى صاخبة أو حفلات
intent-noise-complaint-dog = نباح كلب
intent-noise-complaint-building = أعمال بناء
intent-noise-complaint-alarm = جهاز إنذار
intent-noise-complaint-other = شيء آخر
intent-noise-complaint-ask-address = من أين تأتي الضوضاء؟ اذكر الشارع ورقم المنزل إن كنت تعرفهما.
intent-noise-complaint-ask-times = متى تحدث عادةً؟ مثلًا: «معظم الليالي بعد الساعة 11 مساءً».
intent-noise-complaint-ask-contact = هل يمكن لأحد موظفينا التواصل معك بشأن ذلك؟
intent-noise-complaint-ask-phone = ما أفضل رقم هاتف للتواصل معك؟
intent-noise-complaint-confirm = سأسجّل بلاغًا عن ضوضاء. النوع: { $kind }. المصدر: «{ $address }». التوقيت: «{ $times }». هل هذا صحيح؟
intent-noise-complaint-done = شكرًا لك. تم تسجيل شكواك برقم مرجعي { $reference }، وسيطّلع عليها أحد الموظفين خلال 5 أيام عمل. إذا كانت الضوضاء شديدة وتحدث الآن، يمكنك الاتصال بخطنا خارج أوقات العمل على الرقم { "\u2066" }{ -council-emergency-line }{ "\u2069" }.

intent-housing-repair-title = إصلاح في مسكن تابع للمجلس
intent-housing-repair-ask-emergency = أولًا، هل هي إحدى حالات الطوارئ التالية؟
intent-housing-repair-heating = لا توجد تدفئة أو ماء ساخن
intent-housing-repair-flooding = فيضان أو تسرّب كبير للمياه
intent-housing-repair-electrics = كهرباء غير آمنة أو أسلاك مكشوفة
intent-housing-repair-none = لا شيء مما سبق
intent-housing-repair-urgent = هذا يحتاج إلى إصلاح عاجل، لذا يُرجى الاتصال الآن بخط الإصلاحات الطارئة على الرقم { "\u2066" }{ -council-emergency-line }{ "\u2069" }. الخط مفتوح على مدار 24 ساعة. إذا كنت في خطر، أو شممت رائحة غاز، اتصل بالرقم 999.
intent-housing-repair-ask-address = ما عنوان المسكن الذي يحتاج إلى الإصلاح؟
intent-housing-repair-ask-problem = ما الذي يحتاج إلى إصلاح؟ يُرجى وصف المشكلة وذكر الغرفة التي توجد فيها.
intent-housing-repair-ask-access = متى يمكننا الدخول لإجراء الإصلاح؟ مثلًا: «صباح أيام الأسبوع».
intent-housing-repair-confirm = سأقدّم طلب إصلاح. العنوان: «{ $address }». المشكلة: «{ $problem }». أوقات الدخول: «{ $access }». هل هذا صحيح؟
intent-housing-repair-done = شكرًا لك. تم تسجيل طلب الإصلاح برقم مرجعي { $reference }. سنتواصل معك خلال 3 أيام عمل لتحديد موعد.

intent-case-status-title = متابعة بلاغ
intent-case-status-ask-reference = ما رقمك المرجعي؟ يبدو هكذا: CB-7K3Q-9X.
intent-case-status-found = تم استلام بلاغك { $reference } ({ $topic }) بتاريخ { $date }، وهو الآن { $status }.
intent-case-status-not-found = لم أتمكن من العثور على بلاغ بالرقم المرجعي { $reference }. يُرجى التحقق من الرقم، أو التحدث إلى أحد الموظفين.

intent-leave-a-message-title = ترك رسالة
intent-leave-a-message-ask-wants = هل تريد ترك رسالة؟ سيتواصل معك أحد أعضاء فريقنا عبر الهاتف أو البريد الإلكتروني.
intent-leave-a-message-ask-name = ما اسمك؟
intent-leave-a-message-ask-how = كيف نتواصل معك؟
intent-leave-a-message-phone = عبر الهاتف
intent-leave-a-message-email = عبر البريد الإلكتروني
intent-leave-a-message-ask-phone = ما الرقم الذي نتصل به؟
intent-leave-a-message-ask-email = ما عنوان البريد الإلكتروني الذي نراسلك عليه؟
intent-leave-a-message-ask-question = بماذا تحتاج المساعدة؟ أخبرنا بأكبر قدر ممكن من التفاصيل.
intent-leave-a-message-ask-consent = هل نحتفظ بهذه البيانات ونستخدمها للتواصل معك بخصوص هذا الأمر؟ لن نستخدمها لأي شيء آخر.
intent-leave-a-message-no-consent = لا مشكلة: لم أحتفظ ببياناتك. يمكنك التواصل معنا بنفسك: اتصل بالرقم { "\u2066" }{ -council-phone }{ "\u2069" } ({ -council-hours }) أو راسلنا على { -council-email }.
intent-leave-a-message-done = شكرًا لك يا { $name }. وصلت رسالتك إلى فريقنا، والرقم المرجعي هو { "\u2066" }{ $reference }{ "\u2069" }. سنتواصل معك خلال يومي عمل. يرجى الاحتفاظ بالرقم المرجعي في حال احتجت إلى التواصل معنا.
