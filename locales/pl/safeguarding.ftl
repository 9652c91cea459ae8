# Replies to safeguarding rules (see safeguarding/*.yaml), in Polish. These reach
# people in danger: put the number to call first, keep sentences short, check
# every number.

safeguarding-homeless =
    Jeśli dziś w nocy nie ma gdzie bezpiecznie przenocować, proszę od razu zadzwonić do naszego zespołu ds. bezdomności pod numer { -council-emergency-line }. Linia działa całą dobę, codziennie.
    W razie bezpośredniego zagrożenia proszę dzwonić pod numer 999.
safeguarding-domestic-abuse =
    Bardzo mi przykro, że to się dzieje. W razie bezpośredniego zagrożenia proszę dzwonić pod numer 999. Jeśli nie można mówić, proszę zadzwonić pod 999 z telefonu komórkowego i po usłyszeniu komunikatu nacisnąć 55.
    Live Fear Free, bezpłatna linia pomocy dla osób doświadczających przemocy w Walii, działa całą dobę pod numerem 0808 80 10 800.
safeguarding-self-harm =
    Bardzo mi przykro, że jest tak ciężko, i dziękuję za zaufanie. Jeśli doszło już do samookaleczenia albo istnieje ryzyko działania pod wpływem tych myśli, proszę od razu zadzwonić pod 999 albo udać się na szpitalny oddział ratunkowy (A&E).
    Z Samaritans (wsparcie emocjonalne) można porozmawiać o każdej porze, bezpłatnie, pod numerem 116 123.
safeguarding-gas-leak =
    Jeśli czuć gaz, proszę natychmiast wyjść z budynku. Proszę nie używać w środku włączników światła, telefonów ani żadnych urządzeń elektrycznych, nie palić i niczego nie zapalać. Po drodze do wyjścia proszę otworzyć drzwi i okna, a jeśli to możliwe, zakręcić gaz przy gazomierzu.
    Następnie proszę zadzwonić do pogotowia gazowego (National Gas Emergency Service) – bezpłatnie, o każdej porze dnia i nocy – pod numer 0800 111 999.
