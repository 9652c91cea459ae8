# Errors residents may see in the chat window, in Welsh. Say what happened and
# what to do; never blame the resident.

error-malformed-json = Mae'n ddrwg gen i, ni chyrhaeddodd y neges honno'n iawn. Ceisiwch ei hanfon eto.
error-unknown-frame-type = Mae'n ddrwg gen i, anfonodd y ffenestr sgwrsio hon rywbeth nad ydw i'n ei ddeall ("{ $type }"). Fel arfer, mae ail-lwytho'r dudalen yn datrys y broblem.
error-invalid-frame = Mae'n ddrwg gen i, ni chyrhaeddodd y neges honno'n iawn. Ceisiwch ei hanfon eto.
error-invalid-utf8 = Mae'n ddrwg gen i, roedd nodau yn y neges honno nad oeddwn i'n gallu eu darllen. Ceisiwch ei theipio eto.
error-message-empty = Roedd eich neges yn wag. Teipiwch eich cwestiwn a'i anfon eto.
error-message-too-long = Mae'r neges honno'n rhy hir i mi. Cadwch hi o dan { $limit } nod, neu rhannwch hi'n negeseuon byrrach.
error-binary-not-supported = Mae'n ddrwg gen i, dim ond negeseuon testun y gallaf eu darllen yma, nid ffeiliau na lluniau.
error-rate-limited = Rydych chi'n anfon negeseuon yn gyflymach nag y gallaf eu hateb. Arhoswch am ychydig eiliadau a rhowch gynnig arall arni.
error-hello-required = Mae'n ddrwg gen i, ni ddechreuodd y sgwrs yn iawn. Fel arfer, mae ail-lwytho'r dudalen yn datrys y broblem.
error-unsupported-version = Mae'n ddrwg gen i, mae'r ffenestr sgwrsio hon wedi dyddio (fersiwn { $version }). Ail-lwythwch y dudalen.
error-replaced = Mae'r sgwrs hon bellach ar agor mewn ffenestr arall, felly mae wedi stopio yn y ffenestr hon.
error-internal = Mae'n ddrwg gen i, aeth rhywbeth o'i le ar ein hochr ni. Rhowch gynnig arall arni mewn munud, neu ffoniwch { -council-phone }.
