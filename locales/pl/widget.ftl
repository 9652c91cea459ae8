# Teksty samego okienka czatu (docs/widget.md): przyciski, etykiety i stany.
# To, co mówi bot, jest w bot.ftl. `{ $name }` i `{ $title }` uzupełnia okienko.

widget-launcher = Porozmawiaj z nami
widget-title = { -council-name }
widget-automated = Rozmawiasz z automatycznym asystentem, a nie z człowiekiem. W każdej chwili możesz poprosić o rozmowę z pracownikiem.
widget-close = Zamknij
widget-end-chat = Zakończ rozmowę
widget-ended = Rozmowa została zakończona i usunięta z tej przeglądarki.
widget-new-chat = Rozpocznij nową rozmowę
widget-log-label = Rozmowa
widget-input-label = Twoja wiadomość
widget-send = Wyślij
widget-language-label = Język
widget-language-auto = Według języka moich wiadomości
widget-you = Ty
widget-assistant = Asystent
widget-agent = { $name }, pracownik urzędu
widget-source = Źródło: { $title }
widget-new-tab = (otwiera się w nowej karcie)
widget-connecting = Łączenie…
widget-reconnecting = Utracono połączenie. Ponowne łączenie…
widget-unsent = Jeszcze niewysłana: zostanie wysłana po przywróceniu połączenia.
widget-offline = Czat jest teraz niedostępny. Możesz do nas zadzwonić pod numer { -council-phone } ({ -council-hours }) lub napisać na adres { -council-email }.
widget-retry = Spróbuj ponownie
widget-contact-phone = { -council-phone }
widget-contact-email = { -council-email }
