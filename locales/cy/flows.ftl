# What flows say in Welsh whatever the intent: buttons, corrections, commands,
# and the words answers are read with. The lists at the end are the words Welsh
# speakers type, not translations of the English lists. They are
# comma-separated; `|` separates other ways of writing the same item (the first
# is shown in dates). Weekdays are matched one word at a time, so list the day's
# own word ("Llun", "Lun"), not "dydd Llun".

button-yes = Ie
button-no = Na
button-cancel = Canslo
button-carry-on = Parhau

flow-cancelled = Iawn, rydw i wedi canslo hynny. Oes unrhyw beth arall y gallaf eich helpu ag ef?
flow-restarted = Dim problem, gadewch i ni ddechrau eto.
flow-confirm-no = Dim problem, gadewch i ni fynd drwyddo eto.
flow-switch-offer = Mae'n swnio fel yr hoffech chi gael help gyda “{ $other }”. Hoffech chi wneud hynny yn lle “{ $current }”?
flow-action-failed = Mae'n ddrwg gen i, methais â chadw hynny ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau, neu siaradwch ag aelod o staff.
intent-clarify = Mae'n ddrwg gen i, dydw i ddim yn hollol siŵr beth sydd gennych chi mewn golwg. Ai un o'r rhain?
command-nothing-to-cancel = Does dim byd i'w ganslo. Sut gallaf eich helpu chi?
command-choose-language = Pa iaith hoffech chi ei defnyddio?
slot-too-many-tries = Rydw i'n cael trafferth gyda'r ateb hwnnw. Hoffech chi siarad ag aelod o staff, neu ganslo am y tro?

slot-invalid-text = Mae'n ddrwg gen i, mae angen ychydig eiriau arnaf i fynd ymlaen. Allech chi deipio eich ateb?
slot-invalid-number = Mae'n ddrwg gen i, mae angen rhif arnaf ar gyfer hynny, fel 3.
slot-invalid-number-range = Mae angen i'r rhif fod rhwng { $min } a { $max }.
slot-invalid-date = Mae'n ddrwg gen i, doeddwn i ddim yn gallu darllen hynny fel dyddiad. Gallwch ei ysgrifennu fel 14/04/2026 neu 14 Ebrill, neu ddweud "ddoe".
slot-invalid-date-future = Mae'r dyddiad hwnnw yn y dyfodol. Rhowch ddyddiad heddiw neu ddyddiad cynharach.
slot-invalid-date-past = Mae'r dyddiad hwnnw wedi mynd heibio. Rhowch ddyddiad heddiw neu ddyddiad diweddarach.
slot-invalid-time = Mae'n ddrwg gen i, doeddwn i ddim yn gallu darllen hynny fel amser. Gallwch ei ysgrifennu fel 14:30 neu 2.30pm.
slot-invalid-postcode = Dydy hynny ddim yn edrych fel cod post yn y DU. Dylai edrych fel CF10 3AB.
slot-invalid-email = Dydy hynny ddim yn edrych fel cyfeiriad e-bost. Dylai edrych fel enw@example.com.
slot-invalid-phone = Dydy hynny ddim yn edrych fel rhif ffôn yn y DU. Rhowch y rhif cyfan, fel 07700 900123.
slot-invalid-choice = Mae'n ddrwg gen i, wnes i ddim deall pa un. Dewiswch un o'r opsiynau.
slot-invalid-yes-no = Mae'n ddrwg gen i, ai ie neu na oedd hynny?
slot-invalid-reference = Dydy hynny ddim yn edrych fel un o'n cyfeirnodau ni. Maen nhw'n edrych fel CB-7K3Q-9X.

# These follow "… ac mae bellach" in intent-case-status-found.
case-status-open = yn aros i gael sylw
case-status-in-progress = yn cael sylw
case-status-closed = wedi'i gau

answer-yes = ie|ia, ydy|ydi|yndi|yndy, ydw|yndw, ydyn, do, oes, iawn, cywir, dyna fe, dyna ni, yn union, siŵr, wrth gwrs, dim problem, cadarnhau, ewch ymlaen, bydd, hoffwn, cewch
answer-no = na, nage, naddo, nac ydy|nac ydi, nac ydw, nac oes, na fydd, na hoffwn, na chewch, dim diolch, na diolch, ddim yn iawn, ddim yn gywir, anghywir, ddim wir, dim o gwbl
date-today = heddiw, bore 'ma|bore yma, pnawn 'ma|prynhawn 'ma|pnawn yma|prynhawn yma, heno
date-yesterday = ddoe|doe, neithiwr
date-tomorrow = yfory|fory
date-months = Ionawr|ion, Chwefror|chwef, Mawrth|fawrth|maw, Ebrill|ebr, Mai|fai, Mehefin|fehefin|meh, Gorffennaf|orffennaf|gorffenaf|gorff, Awst, Medi|fedi, Hydref, Tachwedd|dachwedd|tach, Rhagfyr|ragfyr
date-weekdays = Llun|lun, Mawrth|fawrth, Mercher|fercher, Iau, Gwener|wener, Sadwrn, Sul
