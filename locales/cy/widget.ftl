# Geiriau'r teclyn sgwrsio ei hun (docs/widget.md): ei fotymau, ei labeli a'i
# gyflwr. Mae'r hyn mae'r bot yn ei ddweud yn bot.ftl. Mae'r teclyn yn llenwi
# `{ $name }` a `{ $title }` ei hun.

widget-launcher = Sgwrsiwch â ni
widget-title = { -council-name }
widget-automated = Rydych chi'n siarad â chynorthwyydd awtomatig, nid â pherson. Gallwch ofyn am gael siarad â pherson unrhyw bryd.
widget-close = Cau
widget-end-chat = Gorffen y sgwrs
widget-ended = Rydych chi wedi gorffen y sgwrs, ac mae wedi'i chlirio o'r porwr hwn.
widget-new-chat = Dechrau sgwrs newydd
widget-log-label = Sgwrs
widget-input-label = Eich neges
widget-send = Anfon
widget-language-label = Iaith
widget-language-auto = Dilyn iaith fy negeseuon
widget-you = Chi
widget-assistant = Cynorthwyydd
widget-agent = { $name }, staff y cyngor
widget-source = Ffynhonnell: { $title }
widget-new-tab = (yn agor mewn tab newydd)
widget-connecting = Wrthi'n cysylltu…
widget-reconnecting = Collwyd y cysylltiad. Wrthi'n ailgysylltu…
widget-unsent = Heb ei hanfon eto: bydd yn cael ei hanfon pan ddaw'r cysylltiad yn ôl.
widget-offline = Dydy'r sgwrs ddim ar gael ar hyn o bryd. Gallwch ein ffonio ar { -council-phone } ({ -council-hours }) neu anfon e-bost at { -council-email }.
widget-retry = Rhoi cynnig arall arni
widget-contact-phone = { -council-phone }
widget-contact-email = { -council-email }
