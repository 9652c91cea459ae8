# Replies to safeguarding rules (see safeguarding/*.yaml), in Arabic. These reach
# people in danger: put the number to call first, keep sentences short, check
# every number.
# Phone numbers with spaces sit between { "\u2066" } and { "\u2069" } (a
# left-to-right isolate): without it, right-to-left text shows their digit
# groups in reverse order (0808 80 10 800 would read 800 10 80 0808).

safeguarding-homeless =
    إذا لم يكن لديك مكان آمن للمبيت الليلة، يُرجى الاتصال الآن بفريقنا المختص بحالات التشرد على الرقم { "\u2066" }{ -council-emergency-line }{ "\u2069" }. الخط مفتوح على مدار 24 ساعة، كل يوم.
    إذا كنت في خطر الآن، اتصل بالرقم 999.
safeguarding-domestic-abuse =
    يؤسفني جدًا ما يحدث معك. إذا كنت في خطر الآن، يُرجى الاتصال فورًا بالرقم 999. وإذا لم يكن بإمكانك الكلام، يمكنك الاتصال بالرقم 999 من هاتف محمول ثم الضغط على 55 عندما يُطلب منك ذلك.
    خط Live Fear Free هو خط مساعدة مجاني في ويلز لمن يتعرضون للعنف الأسري، ويعمل على مدار 24 ساعة على الرقم { "\u2066" }0808 80 10 800{ "\u2069" }.
safeguarding-self-harm =
    يؤسفني جدًا أن أسمع هذا، ويسعدني أنك أخبرتني. إذا كنت قد آذيت نفسك أو كان هناك خطر من تنفيذ هذه الأفكار، اتصل بالرقم 999 أو توجّه إلى قسم الطوارئ (A&E) الآن.
    يمكنك التحدث إلى Samaritans (خدمة للدعم النفسي) في أي وقت، مجانًا، على الرقم { "\u2066" }116 123{ "\u2069" }.
safeguarding-gas-leak =
    إذا شممت رائحة غاز، فغادر المبنى فورًا. لا تستخدم مفاتيح الإضاءة أو الهواتف أو أي جهاز كهربائي في الداخل، ولا تدخّن ولا تُشعل أي شيء. افتح الأبواب والنوافذ وأنت في طريقك إلى الخارج، وأغلق الغاز من العداد إن استطعت.
    ثم اتصل بخدمة الطوارئ الوطنية للغاز (National Gas Emergency Service) مجانًا، ليلًا أو نهارًا، على الرقم { "\u2066" }0800 111 999{ "\u2069" }.
