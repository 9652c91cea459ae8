# What the bot says in Welsh. Keep the tone warm, plain and short: residents
# read these on a phone, often when something has gone wrong.

greeting =
    Helo! Cynorthwyydd awtomatig { -council-name } ydw i, ac rydw i yma ddydd a nos.
    Gofynnwch i mi am finiau, treth y cyngor, parcio, tai neu unrhyw beth arall, yn eich geiriau eich hun. Gallwch hefyd ofyn am gael siarad â pherson.

language-changed = Dim problem, { $language } amdani o hyn ymlaen.
language-auto = Ysgrifennwch yn un o'n hieithoedd ni, a byddaf yn ateb yn yr un iaith.
language-not-available = Mae'n ddrwg gen i, dydw i ddim yn gallu sgwrsio yn "{ $code }" eto, felly byddaf yn parhau yn Gymraeg.

fallback-not-sure = Mae'n ddrwg gen i, dydw i ddim yn siŵr fy mod i wedi deall. Allech chi ei ddweud mewn ffordd arall? Cwestiynau byr sy'n gweithio orau, fel "Pryd mae fy min yn cael ei gasglu?"
fallback-offer-person = Dydw i ddim yn siŵr o hyd sut i helpu gyda hynny. Hoffech chi siarad ag aelod o staff?
button-speak-to-person = Siarad â pherson

handoff-contact = Gall ein tîm gwasanaethau cwsmeriaid helpu. Ffoniwch { -council-phone } ({ -council-hours }) neu e-bostiwch { -council-email }. Mewn argyfwng y tu allan i'r oriau hynny, ffoniwch { -council-emergency-line }.

resume-not-found = Methais ddod o hyd i'ch sgwrs gynharach (efallai ei bod wedi dod i ben), felly rydyn ni'n dechrau un newydd.

faq-reviewed = Gwiriwyd gan y cyngor ddiwethaf ar { $date }.
faq-in-other-language =
    { $code ->
        [en] Dim ond yn Saesneg mae'r ateb hwn ar gael, felly dyma fe yn Saesneg.
       *[other] Dim ond yn yr iaith hon mae'r ateb hwn ar gael: { $language }.
    }
