# Errors residents may see in the chat window, in Polish. Say what happened and
# what to do; never blame the resident.

error-malformed-json = Przepraszam, ta wiadomość nie dotarła do mnie prawidłowo. Proszę wysłać ją ponownie.
error-unknown-frame-type = Przepraszam, to okno czatu wysłało coś, czego nie rozumiem („{ $type }”). Zwykle pomaga odświeżenie strony.
error-invalid-frame = Przepraszam, ta wiadomość nie dotarła do mnie prawidłowo. Proszę wysłać ją ponownie.
error-invalid-utf8 = Przepraszam, w tej wiadomości są znaki, których nie mogę odczytać. Proszę wpisać ją jeszcze raz.
error-message-empty = Wiadomość jest pusta. Proszę wpisać pytanie i wysłać je ponownie.
error-message-too-long = Ta wiadomość jest dla mnie za długa. Proszę skrócić ją do { $limit } znaków albo podzielić na kilka krótszych wiadomości.
error-binary-not-supported = Przepraszam, tutaj mogę czytać tylko wiadomości tekstowe, a nie pliki ani zdjęcia.
error-rate-limited = Wiadomości przychodzą szybciej, niż nadążam odpowiadać. Proszę odczekać kilka sekund i spróbować ponownie.
error-hello-required = Przepraszam, czat nie uruchomił się prawidłowo. Zwykle pomaga odświeżenie strony.
error-unsupported-version = Przepraszam, to okno czatu jest nieaktualne (wersja { $version }). Proszę odświeżyć stronę.
error-replaced = Ta rozmowa jest teraz otwarta w innym oknie, więc tutaj została zakończona.
error-internal = Przepraszam, coś poszło nie tak po naszej stronie. Proszę spróbować ponownie za chwilę lub zadzwonić pod numer { -council-phone }.
