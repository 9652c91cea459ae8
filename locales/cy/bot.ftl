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

# Siarad â pherson. $position yw lle'r preswylydd yn y ciw (1 yw'r nesaf),
# $minutes yr amser aros tebygol, $name enw'r aelod o staff.
handoff-queued = Rydw i'n eich trosglwyddo i aelod o'n tîm. Chi yw rhif { $position } yn y ciw, a bydd angen aros tua { $minutes } munud. Gallwch ddal ati i ysgrifennu yma: byddan nhw'n gweld y cyfan pan fyddan nhw'n ymuno.
handoff-place = Chi yw rhif { $position } yn y ciw. Amser aros tebygol: { $minutes } munud.
handoff-agent-joined = Mae { $name } o'r cyngor wedi ymuno â'r sgwrs.
handoff-handed-back = Mae { $name } wedi eich trosglwyddo'n ôl i'r cynorthwyydd awtomatig. Gofynnwch unrhyw beth, neu gofynnwch am berson eto unrhyw bryd.
handoff-closed = Mae { $name } wedi dod â'r sgwrs i ben. Diolch am gysylltu â ni. Os oes angen unrhyw beth arall arnoch, gofynnwch.
handoff-agent-lost = Rydym wedi colli'r cysylltiad â { $name }, felly rydych chi'n ôl yn y ciw. Bydd rhywun yn codi eich sgwrs cyn bo hir.
handoff-transferred = Mae { $name } wedi trosglwyddo eich sgwrs i gydweithwyr sy'n delio â hyn. Rydych chi'n ôl yn y ciw, a bydd un ohonyn nhw'n ymuno â chi cyn bo hir.
handoff-left-queue = Rydych chi wedi gadael y ciw. Rydw i yma os oes angen unrhyw beth arall arnoch.
handoff-left-chat = Rydych chi wedi dod â'r sgwrs gyda { $name } i ben. Rydw i yma os oes angen unrhyw beth arall arnoch.
handoff-already-waiting = Rydych chi eisoes yn y ciw i siarad ag aelod o staff. Byddan nhw gyda chi cyn gynted ag y gallan nhw.
handoff-already-with-agent = Rydych chi'n siarad â { $name } o'r cyngor nawr. Teipiwch "canslo" i ddod â'r sgwrs i ben.
handoff-ended-away = Daeth eich sgwrs gyda'n tîm i ben tra oeddech chi i ffwrdd. Rydw i yma os oes angen unrhyw beth arall arnoch.
handoff-unavailable-closed = Dydy ein tîm ddim ar gael i sgwrsio ar hyn o bryd (rydym ar gael { -council-hours }).
handoff-unavailable-busy = Mae'n ddrwg gen i, does neb yn ein tîm ar gael i sgwrsio ar hyn o bryd.
handoff-unavailable-error = Mae'n ddrwg gen i, alla i ddim eich cysylltu â'n tîm ar hyn o bryd.
