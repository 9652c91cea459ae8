# Replies to safeguarding rules (see safeguarding/*.yaml), in Welsh. These reach
# people in danger: put the number to call first, keep sentences short, check
# every number.

safeguarding-homeless =
    Os nad oes gennych le diogel i aros heno, ffoniwch ein tîm digartrefedd nawr ar { -council-emergency-line }. Mae'r llinell ar agor 24 awr y dydd, bob dydd.
    Os ydych chi mewn perygl ar hyn o bryd, ffoniwch 999.
safeguarding-domestic-abuse =
    Mae'n ddrwg gen i eich bod yn mynd drwy hyn. Os ydych chi mewn perygl ar hyn o bryd, ffoniwch 999. Os na allwch siarad, ffoniwch 999 o ffôn symudol a phwyswch 55 pan ofynnir i chi.
    Mae Live Fear Free (Byw Heb Ofn), y llinell gymorth am ddim i Gymru, ar agor 24 awr y dydd ar 0808 80 10 800.
safeguarding-self-harm =
    Mae'n wir ddrwg gen i eich bod yn teimlo fel hyn, ac rwy'n falch eich bod wedi dweud wrtha i. Os ydych chi wedi niweidio eich hun neu os gallech chi weithredu ar y meddyliau hyn, ffoniwch 999 neu ewch i'r Adran Achosion Brys (A&E) nawr.
    Gallwch siarad â Samaritans unrhyw bryd, am ddim, ar 116 123.
safeguarding-gas-leak =
    Os ydych chi'n arogli nwy, gadewch yr adeilad nawr. Peidiwch â defnyddio switshis golau, ffonau nac unrhyw beth trydanol y tu mewn, a pheidiwch ag ysmygu na chynnau dim. Agorwch ddrysau a ffenestri wrth i chi adael, a diffoddwch y nwy wrth y mesurydd os gallwch chi.
    Yna ffoniwch y Gwasanaeth Argyfwng Nwy Cenedlaethol, am ddim, ddydd neu nos, ar 0800 111 999.
