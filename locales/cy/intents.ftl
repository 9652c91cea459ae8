# What the demo council's intents say in Welsh (see intents/*.yaml). Titles
# label buttons; prompts ask one question each; confirmations repeat the answers.
# Answers dropped into a sentence are quoted or follow a colon, so that no
# mutation or gender depends on what the resident typed.

intent-greeting-title = Dweud helo
intent-greeting-reply = Helo! Sut gallaf eich helpu heddiw? Gallwch ofyn am finiau, treth y cyngor, tyllau yn y ffordd, trwyddedau parcio, atgyweirio tai a mwy.

intent-thanks-title = Dweud diolch
intent-thanks-reply = Croeso. Os oes angen unrhyw beth arall, gofynnwch. Cymerwch ofal!

intent-speak-to-person-title = Siarad â pherson

intent-pay-council-tax-title = Talu treth y cyngor
intent-pay-council-tax-reply =
    Gallwch dalu treth y cyngor:
    • ar-lein gyda cherdyn debyd neu gredyd, unrhyw bryd;
    • drwy Ddebyd Uniongyrchol ar y 1af, y 15fed neu'r 28ain o'r mis, sef y ffordd hawsaf o beidio byth â cholli taliad;
    • dros y ffôn ar ein llinell awtomatig 24 awr, { -council-phone }, opsiwn 1;
    • ag arian parod mewn unrhyw swyddfa bost neu siop PayPoint, gan ddefnyddio'r cod bar ar eich bil.
    Os yw'n anodd i chi dalu, cysylltwch â ni'n gynnar: yn aml, gallwn rannu'r gost dros gyfnod hirach.
intent-pay-council-tax-link = Talu treth y cyngor ar-lein

intent-parking-permit-title = Trwyddedau parcio
intent-parking-permit-ask-kind = Ai trwydded barcio newydd i breswylwyr sydd ei hangen arnoch chi, neu ydych chi'n adnewyddu un sydd gennych chi'n barod?
intent-parking-permit-new = Trwydded newydd
intent-parking-permit-renew = Adnewyddu fy nhrwydded
intent-parking-permit-new-reply = Gallwch wneud cais ar-lein os ydych chi'n byw yn un o'n parthau parcio i breswylwyr. Bydd angen rhif cofrestru eich cerbyd a phrawf o'ch cyfeiriad arnoch chi, fel bil treth y cyngor. Mae trwydded yn costio £45 y flwyddyn, ac fel arfer rydyn ni'n ei phostio o fewn 5 diwrnod gwaith.
intent-parking-permit-new-link = Gwneud cais am drwydded barcio i breswylwyr
intent-parking-permit-renew-reply = Rydyn ni'n anfon e-bost i'ch atgoffa fis cyn i'ch trwydded ddod i ben. Gallwch ei hadnewyddu ar-lein gyda rhif eich trwydded; os yw eich cerbyd neu eich cyfeiriad wedi newid, rhowch wybod i ni pan fyddwch chi'n adnewyddu.
intent-parking-permit-renew-link = Adnewyddu eich trwydded barcio

intent-library-hours-title = Oriau agor llyfrgelloedd
intent-library-hours-ask-branch = Ar gyfer pa lyfrgell hoffech chi weld yr oriau agor?
intent-library-hours-central = Llyfrgell Ganolog Glanafon
intent-library-hours-llanfair = Llyfrgell Llanfair
intent-library-hours-pontglas = Llyfrgell Pontglas
intent-library-hours-central-reply = Mae Llyfrgell Ganolog Glanafon ar agor o ddydd Llun i ddydd Gwener, 9yb i 7yh; ddydd Sadwrn, 9yb i 5yp; a ddydd Sul, 11yb i 3yp.
intent-library-hours-llanfair-reply = Mae Llyfrgell Llanfair ar agor ddydd Llun, ddydd Mercher a ddydd Gwener, 9:30yb i 5yp, a ddydd Sadwrn, 9:30yb i 1yp.
intent-library-hours-pontglas-reply = Mae Llyfrgell Pontglas ar agor ddydd Mawrth a ddydd Iau, 10yb i 6yh, a ddydd Sadwrn, 10yb i 1yp.
intent-library-hours-link = Oriau agor llyfrgelloedd a gwyliau banc

intent-report-pothole-title = Rhoi gwybod am dwll yn y ffordd
intent-report-pothole-ask-location = Ble mae'r twll? Rhowch enw'r stryd, a rhif tŷ neu dirnod gerllaw.
intent-report-pothole-ask-description = Disgrifiwch y twll: tua pa mor fawr a dwfn ydy e, ac ydy e yn y ffordd neu ar y palmant.
intent-report-pothole-confirm = Byddaf yn rhoi gwybod am dwll yn y ffordd yma: “{ $location }”, gyda'r disgrifiad “{ $description }”. Ydy hynny'n iawn?
intent-report-pothole-done = Diolch, mae eich adroddiad wedi'i gofnodi. Eich cyfeirnod yw { $reference }. Mae ein tîm priffyrdd yn archwilio tyllau o fewn 5 diwrnod gwaith, a rhai peryglus o fewn 24 awr.

intent-missed-bin-title = Rhoi gwybod am fin heb ei gasglu
intent-missed-bin-ask-postcode = Mae'n ddrwg gen i na chafodd eich bin ei gasglu. Beth yw eich cod post?
intent-missed-bin-ask-day = Pa ddiwrnod y dylai fod wedi cael ei gasglu?
intent-missed-bin-ask-bin = Pa fin na chafodd ei gasglu?
intent-missed-bin-general = Gwastraff cyffredinol (bin du)
intent-missed-bin-recycling = Ailgylchu (blwch glas)
intent-missed-bin-garden = Gwastraff gardd (bin gwyrdd)
intent-missed-bin-food = Cadi gwastraff bwyd
intent-missed-bin-confirm = Felly, yn { $postcode }, ni chasglwyd y bin hwn ar { $day }: { $bin }. Ydy hynny'n iawn?
intent-missed-bin-done = Diolch, rydw i wedi rhoi gwybod amdano. Eich cyfeirnod yw { $reference }. Byddwn yn dod yn ôl i'w gasglu o fewn 2 ddiwrnod gwaith, felly gadewch y bin allan lle byddwch chi'n ei adael fel arfer.

intent-noise-complaint-title = Rhoi gwybod am sŵn
intent-noise-complaint-ask-kind = Mae'n ddrwg gen i fod sŵn yn tarfu arnoch chi. Pa fath o sŵn ydy e?
intent-noise-complaint-music = Cerddoriaeth uchel neu bartïon
intent-noise-complaint-dog = Ci yn cyfarth
intent-noise-complaint-building = Gwaith adeiladu
intent-noise-complaint-alarm = Larwm
intent-noise-complaint-other = Rhywbeth arall
intent-noise-complaint-ask-address = O ble mae'r sŵn yn dod? Enw'r stryd a rhif y tŷ, os ydych chi'n gwybod.
intent-noise-complaint-ask-times = Pryd mae'n digwydd fel arfer? Er enghraifft “y rhan fwyaf o nosweithiau ar ôl 11yh”.
intent-noise-complaint-ask-contact = Ydych chi'n fodlon i un o'n swyddogion gysylltu â chi am hyn?
intent-noise-complaint-ask-phone = Beth yw'r rhif ffôn gorau i gysylltu â chi?
intent-noise-complaint-confirm = Byddaf yn rhoi gwybod am sŵn. Y math: { $kind }. O ble: “{ $address }”. Pryd: “{ $times }”. Ydy hynny'n iawn?
intent-noise-complaint-done = Diolch. Mae eich cwyn wedi'i chofnodi gyda'r cyfeirnod { $reference }, a bydd swyddog yn edrych arni o fewn 5 diwrnod gwaith. Os yw'r sŵn yn ddifrifol ac yn digwydd nawr, gallwch ffonio ein llinell y tu allan i oriau ar { -council-emergency-line }.

intent-housing-repair-title = Atgyweirio cartref cyngor
intent-housing-repair-ask-emergency = Yn gyntaf, ydy hyn yn un o'r argyfyngau hyn?
intent-housing-repair-heating = Dim gwres na dŵr poeth
intent-housing-repair-flooding = Llifogydd neu ollyngiad mawr
intent-housing-repair-electrics = Trydan anniogel neu wifrau yn y golwg
intent-housing-repair-none = Dim un o'r rhain
intent-housing-repair-urgent = Mae angen atgyweirio hynny ar frys, felly ffoniwch ein llinell atgyweiriadau brys nawr ar { -council-emergency-line }. Mae ar agor 24 awr y dydd. Os ydych chi mewn perygl, neu os ydych chi'n arogli nwy, ffoniwch 999.
intent-housing-repair-ask-address = Beth yw cyfeiriad y cartref sydd angen ei atgyweirio?
intent-housing-repair-ask-problem = Beth sydd angen ei atgyweirio? Disgrifiwch y broblem, ac ym mha ystafell mae hi.
intent-housing-repair-ask-access = Pryd gallem ni ddod i mewn i wneud y gwaith? Er enghraifft “boreau yn ystod yr wythnos”.
intent-housing-repair-confirm = Byddaf yn gofyn am atgyweiriad. Cyfeiriad: “{ $address }”. Y broblem: “{ $problem }”. Pryd gallwn ni ddod i mewn: “{ $access }”. Ydy hynny'n iawn?
intent-housing-repair-done = Diolch. Mae eich cais am atgyweiriad wedi'i gofnodi gyda'r cyfeirnod { $reference }. Byddwn yn cysylltu â chi o fewn 3 diwrnod gwaith i drefnu amser.

intent-case-status-title = Gwirio adroddiad
intent-case-status-ask-reference = Beth yw eich cyfeirnod? Mae'n edrych fel CB-7K3Q-9X.
intent-case-status-found = Daeth eich adroddiad { $reference } ({ $topic }) i law ar { $date }, ac mae bellach { $status }.
intent-case-status-not-found = Methais ddod o hyd i adroddiad gyda'r cyfeirnod { $reference }. Gwiriwch y rhif, neu siaradwch ag aelod o staff.

intent-leave-a-message-title = Gadael neges
intent-leave-a-message-ask-wants = Hoffech chi adael neges? Bydd rhywun o'n tîm yn cysylltu â chi dros y ffôn neu drwy e-bost.
intent-leave-a-message-ask-name = Beth yw eich enw?
intent-leave-a-message-ask-how = Sut dylen ni gysylltu â chi?
intent-leave-a-message-phone = Dros y ffôn
intent-leave-a-message-email = Drwy e-bost
intent-leave-a-message-ask-phone = Pa rif ddylen ni ei ffonio?
intent-leave-a-message-ask-email = I ba gyfeiriad e-bost ddylen ni ysgrifennu?
intent-leave-a-message-ask-question = Gyda beth hoffech chi help? Rhowch gymaint o fanylion â phosib.
intent-leave-a-message-ask-consent = Gawn ni gadw'r manylion hyn a'u defnyddio i gysylltu â chi am hyn? Ni fyddwn yn eu defnyddio i ddim byd arall.
intent-leave-a-message-no-consent = Dim problem: dydw i ddim wedi cadw eich manylion. Gallwch gysylltu â ni eich hun: ffoniwch { -council-phone } ({ -council-hours }) neu e-bostiwch { -council-email }.
intent-leave-a-message-done = Diolch, { $name }. Mae eich neges gyda'n tîm, cyfeirnod { $reference }. Byddwn yn cysylltu â chi o fewn 2 ddiwrnod gwaith. Cadwch y cyfeirnod rhag ofn y bydd angen i chi gysylltu â ni.
