# What the bot says in Arabic. Keep the tone warm, plain and short: residents
# read these on a phone, often when something has gone wrong.
# Phone numbers with spaces sit between { "\u2066" } and { "\u2069" } (a
# left-to-right isolate): without it, right-to-left text shows their digit
# groups in reverse order (01632 960 100 would read 100 960 01632).

greeting =
    مرحبًا! أنا المساعد الآلي في { -council-name }، وأنا هنا ليلًا ونهارًا.
    يمكنك السؤال عن جمع القمامة، وضريبة المجلس، ومواقف السيارات، والسكن، أو أي شيء آخر، بكلماتك الخاصة. ويمكنك أيضًا طلب التحدث إلى موظف.

language-changed = حسنًا، سأكمل المحادثة باللغة { $language }.
language-auto = يمكنك الكتابة بأي لغة من لغاتنا، وسأرد باللغة نفسها.
language-not-available = عذرًا، لا أستطيع المحادثة بلغة «{ $code }» بعد، لذا سأكمل باللغة العربية.

fallback-not-sure = عذرًا، لست متأكدًا من أنني فهمت رسالتك. هل يمكنك كتابتها بطريقة أخرى؟ الأسئلة القصيرة هي الأفضل، مثل: «متى موعد جمع القمامة من بيتي؟»
fallback-offer-person = ما زلت غير متأكد من كيفية المساعدة في هذا. يمكنك التحدث إلى أحد موظفينا إذا أردت.
button-speak-to-person = التحدث إلى موظف

handoff-contact = يمكن لفريق خدمة العملاء لدينا مساعدتك. يمكنك الاتصال بالرقم { "\u2066" }{ -council-phone }{ "\u2069" } ({ -council-hours }) أو مراسلتنا على البريد الإلكتروني { -council-email }. وفي حالات الطوارئ خارج هذه الأوقات، اتصل بالرقم { "\u2066" }{ -council-emergency-line }{ "\u2069" }.

resume-not-found = لم أتمكن من العثور على محادثتك السابقة (ربما انتهت صلاحيتها)، لذا سنبدأ محادثة جديدة.

faq-reviewed = آخر مراجعة من المجلس: { $date }.
faq-in-other-language =
    { $code ->
        [en] هذه الإجابة متوفرة باللغة الإنجليزية فقط، لذا إليك الإجابة بالإنجليزية.
        [cy] هذه الإجابة متوفرة باللغة الويلزية فقط، لذا إليك الإجابة بالويلزية.
       *[other] هذه الإجابة متوفرة بهذه اللغة فقط: { $language }.
    }

# التحدث إلى موظف. ‎$position‎ هو ترتيب المقيم في قائمة الانتظار (1 هو التالي)،
# و‎$minutes‎ مدة الانتظار المتوقعة، و‎$name‎ اسم الموظف.
handoff-queued = سأحوّلك إلى أحد أعضاء فريقنا. ترتيبك في قائمة الانتظار هو { $position }، ومدة الانتظار حوالي { $minutes } دقيقة. يمكنك مواصلة الكتابة هنا: سيرى الموظف كل شيء عندما ينضم.
handoff-place = ترتيبك في قائمة الانتظار: { $position }. مدة الانتظار المتوقعة: { $minutes } دقيقة.
handoff-agent-joined = انضم { $name } من المجلس إلى المحادثة.
handoff-handed-back = أعادك { $name } إلى المساعد الآلي. اسألني عن أي شيء، أو اطلب التحدث إلى موظف مرة أخرى في أي وقت.
handoff-closed = أنهى { $name } المحادثة. شكرًا لتواصلك معنا. إذا احتجت إلى أي شيء آخر، فاسألني.
handoff-agent-lost = انقطع الاتصال مع { $name }، لذلك عدت إلى قائمة الانتظار. سيتابع أحد الموظفين محادثتك قريبًا.
handoff-left-queue = لقد غادرت قائمة الانتظار. أنا هنا إذا احتجت إلى أي شيء آخر.
handoff-left-chat = لقد أنهيت المحادثة مع { $name }. أنا هنا إذا احتجت إلى أي شيء آخر.
handoff-already-waiting = أنت بالفعل في قائمة الانتظار للتحدث إلى موظف. سينضم إليك في أقرب وقت ممكن.
handoff-already-with-agent = أنت تتحدث الآن مع { $name } من المجلس. اكتب "إلغاء" لإنهاء المحادثة.
handoff-ended-away = انتهت محادثتك مع فريقنا أثناء غيابك. أنا هنا إذا احتجت إلى أي شيء آخر.
handoff-unavailable-closed = فريقنا غير متاح للمحادثة الآن (نعمل { -council-hours }).
handoff-unavailable-busy = عذرًا، لا يوجد أحد من فريقنا متاح للمحادثة الآن.
handoff-unavailable-error = عذرًا، لا أستطيع توصيلك بفريقنا الآن.
