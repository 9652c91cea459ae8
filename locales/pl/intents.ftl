# What the demo council's intents say in Polish (see intents/*.yaml). Titles
# label buttons; prompts ask one question each; confirmations repeat the answers.
# Answers dropped into a sentence follow a colon or sit in quotes, so that no
# case ending or gender depends on what the resident typed.

intent-greeting-title = Przywitanie
intent-greeting-reply = Dzień dobry! W czym mogę dziś pomóc? Można pytać o odbiór śmieci, podatek lokalny (council tax), dziury w jezdni, pozwolenia na parkowanie, naprawy w mieszkaniach komunalnych i wiele więcej.

intent-thanks-title = Podziękowanie
intent-thanks-reply = Nie ma za co. Gdyby było coś jeszcze, proszę śmiało pytać. Wszystkiego dobrego!

intent-speak-to-person-title = Rozmowa z pracownikiem

intent-pay-council-tax-title = Płatność podatku lokalnego
intent-pay-council-tax-reply =
    Podatek lokalny (council tax) można zapłacić:
    • online kartą debetową lub kredytową, o każdej porze;
    • poleceniem zapłaty (Direct Debit) 1., 15. lub 28. dnia miesiąca – to najprostszy sposób, żeby nigdy nie przegapić raty;
    • telefonicznie, przez naszą automatyczną linię czynną całą dobę: { -council-phone }, opcja 1;
    • gotówką w dowolnym urzędzie pocztowym (Post Office) lub punkcie PayPoint, z kodem kreskowym z rachunku.
    Jeśli trudno jest zapłacić, prosimy o wczesny kontakt: często możemy rozłożyć należność na mniejsze raty.
intent-pay-council-tax-link = Płatność podatku lokalnego online

intent-parking-permit-title = Pozwolenia na parkowanie
intent-parking-permit-ask-kind = Czy chodzi o nowe pozwolenie na parkowanie dla mieszkańców, czy o przedłużenie już posiadanego?
intent-parking-permit-new = Nowe pozwolenie
intent-parking-permit-renew = Przedłużenie pozwolenia
intent-parking-permit-new-reply = Wniosek można złożyć online, jeśli mieszka się w jednej z naszych stref parkowania dla mieszkańców. Potrzebny będzie numer rejestracyjny pojazdu i dokument potwierdzający adres, np. rachunek za podatek lokalny (council tax). Pozwolenie kosztuje £45 rocznie i zwykle wysyłamy je pocztą w ciągu 5 dni roboczych.
intent-parking-permit-new-link = Wniosek o pozwolenie na parkowanie dla mieszkańców
intent-parking-permit-renew-reply = Miesiąc przed wygaśnięciem pozwolenia wysyłamy przypomnienie e-mailem. Pozwolenie można przedłużyć online, podając jego numer; jeśli zmienił się pojazd lub adres, prosimy poinformować nas o tym przy przedłużaniu.
intent-parking-permit-renew-link = Przedłużenie pozwolenia na parkowanie

intent-library-hours-title = Godziny otwarcia bibliotek
intent-library-hours-ask-branch = Godziny otwarcia której biblioteki sprawdzić?
intent-library-hours-central = Biblioteka Centralna w Glanafon
intent-library-hours-llanfair = Biblioteka w Llanfair
intent-library-hours-pontglas = Biblioteka w Pontglas
intent-library-hours-central-reply = Biblioteka Centralna w Glanafon jest otwarta od poniedziałku do piątku w godz. 9:00–19:00, w soboty 9:00–17:00, a w niedziele 11:00–15:00.
intent-library-hours-llanfair-reply = Biblioteka w Llanfair jest otwarta w poniedziałki, środy i piątki w godz. 9:30–17:00 oraz w soboty 9:30–13:00.
intent-library-hours-pontglas-reply = Biblioteka w Pontglas jest otwarta we wtorki i czwartki w godz. 10:00–18:00 oraz w soboty 10:00–13:00.
intent-library-hours-link = Godziny otwarcia bibliotek i dni wolne (bank holidays)

intent-report-pothole-title = Zgłoszenie dziury w jezdni
intent-report-pothole-ask-location = Gdzie jest dziura? Proszę podać nazwę ulicy i numer pobliskiego domu albo charakterystyczne miejsce w okolicy.
intent-report-pothole-ask-description = Proszę ją opisać: mniej więcej jak jest duża i głęboka oraz czy jest na jezdni, czy na chodniku.
intent-report-pothole-confirm = Zgłoszę dziurę w miejscu: „{ $location }”, z opisem: „{ $description }”. Czy wszystko się zgadza?
intent-report-pothole-done = Dziękujemy, zgłoszenie zostało zarejestrowane. Numer zgłoszenia: { $reference }. Nasz zespół drogowy sprawdza dziury w ciągu 5 dni roboczych, a niebezpieczne – w ciągu 24 godzin.

intent-missed-bin-title = Zgłoszenie nieodebranych śmieci
intent-missed-bin-ask-postcode = Przykro mi, że śmieci nie zostały odebrane. Jaki jest kod pocztowy (postcode)?
intent-missed-bin-ask-day = Którego dnia miały zostać odebrane?
intent-missed-bin-ask-bin = Który pojemnik nie został opróżniony?
intent-missed-bin-general = Odpady zmieszane (czarny pojemnik)
intent-missed-bin-recycling = Recykling (niebieska skrzynka)
intent-missed-bin-garden = Odpady zielone (zielony pojemnik)
intent-missed-bin-food = Pojemnik na odpady spożywcze
intent-missed-bin-confirm = Czyli dnia { $day } pod kodem pocztowym { $postcode } nie odebrano odpadów: { $bin }. Czy wszystko się zgadza?
intent-missed-bin-done = Dziękujemy, zgłoszenie zostało przyjęte. Numer zgłoszenia: { $reference }. Wrócimy po odpady w ciągu 2 dni roboczych, więc prosimy zostawić pojemnik tam, gdzie zwykle.

intent-noise-complaint-title = Zgłoszenie hałasu
intent-noise-complaint-ask-kind = Przykro mi, że hałas przeszkadza. Jaki to rodzaj hałasu?
intent-noise-complaint-music = Głośna muzyka lub imprezy
intent-noise-complaint-dog = Szczekający pies
intent-noise-complaint-building = Prace budowlane
intent-noise-complaint-alarm = Alarm
intent-noise-complaint-other = Coś innego
intent-noise-complaint-ask-address = Skąd dochodzi hałas? Jeśli to możliwe, proszę podać ulicę i numer domu.
intent-noise-complaint-ask-times = Kiedy zwykle się to dzieje? Na przykład „prawie co noc po 23:00”.
intent-noise-complaint-ask-contact = Czy nasz urzędnik może się skontaktować w tej sprawie?
intent-noise-complaint-ask-phone = Pod jakim numerem telefonu najłatwiej się skontaktować?
intent-noise-complaint-confirm = Zgłoszę hałas. Rodzaj: { $kind }. Skąd: „{ $address }”. Kiedy: „{ $times }”. Czy wszystko się zgadza?
intent-noise-complaint-done = Dziękujemy. Skarga została zarejestrowana pod numerem { $reference }, a urzędnik zajmie się nią w ciągu 5 dni roboczych. Jeśli hałas jest poważny i trwa właśnie teraz, można zadzwonić na naszą linię działającą poza godzinami pracy: { -council-emergency-line }.

intent-housing-repair-title = Naprawa w mieszkaniu komunalnym
intent-housing-repair-ask-emergency = Najpierw: czy chodzi o jedną z tych pilnych sytuacji?
intent-housing-repair-heating = Brak ogrzewania lub ciepłej wody
intent-housing-repair-flooding = Zalanie lub poważny przeciek
intent-housing-repair-electrics = Niebezpieczna instalacja elektryczna lub odsłonięte przewody
intent-housing-repair-none = Żadna z tych sytuacji
intent-housing-repair-urgent = To wymaga pilnej naprawy, dlatego prosimy od razu zadzwonić na naszą linię napraw awaryjnych: { -council-emergency-line }. Działa ona całą dobę. W razie zagrożenia albo jeśli czuć gaz, proszę dzwonić pod numer 999.
intent-housing-repair-ask-address = Jaki jest adres mieszkania, w którym potrzebna jest naprawa?
intent-housing-repair-ask-problem = Co trzeba naprawić? Proszę opisać problem i napisać, w którym pomieszczeniu.
intent-housing-repair-ask-access = Kiedy moglibyśmy wejść do mieszkania, żeby wykonać naprawę? Na przykład „w dni powszednie rano”.
intent-housing-repair-confirm = Złożę zgłoszenie naprawy. Adres: „{ $address }”. Problem: „{ $problem }”. Kiedy można wejść: „{ $access }”. Czy wszystko się zgadza?
intent-housing-repair-done = Dziękujemy. Zgłoszenie naprawy zostało zarejestrowane pod numerem { $reference }. Skontaktujemy się w ciągu 3 dni roboczych, żeby umówić termin.

intent-case-status-title = Sprawdzenie zgłoszenia
intent-case-status-ask-reference = Jaki jest numer zgłoszenia? Wygląda mniej więcej tak: CB-7K3Q-9X.
intent-case-status-found = Sprawa { $reference } ({ $topic }) wpłynęła { $date } i jest obecnie { $status }.
intent-case-status-not-found = Nie udało się znaleźć zgłoszenia o numerze { $reference }. Proszę sprawdzić numer albo porozmawiać z pracownikiem.

intent-leave-a-message-title = Zostaw wiadomość
intent-leave-a-message-ask-wants = Czy chce Pan/Pani zostawić wiadomość? Ktoś z naszego zespołu skontaktuje się telefonicznie lub e-mailem.
intent-leave-a-message-ask-name = Jak się Pan/Pani nazywa?
intent-leave-a-message-ask-how = Jak mamy się skontaktować?
intent-leave-a-message-phone = Telefonicznie
intent-leave-a-message-email = E-mailem
intent-leave-a-message-ask-phone = Pod jaki numer mamy zadzwonić?
intent-leave-a-message-ask-email = Na jaki adres e-mail mamy napisać?
intent-leave-a-message-ask-question = W czym możemy pomóc? Proszę opisać sprawę jak najdokładniej.
intent-leave-a-message-ask-consent = Czy możemy zachować te dane i użyć ich, aby skontaktować się w tej sprawie? Nie użyjemy ich do niczego innego.
intent-leave-a-message-no-consent = Nie ma problemu: nie zachowałem danych. Można też skontaktować się z nami samodzielnie: telefon { -council-phone } ({ -council-hours }) lub e-mail { -council-email }.
intent-leave-a-message-done = Dziękujemy, { $name }. Wiadomość trafiła do naszego zespołu, numer sprawy { $reference }. Odezwiemy się w ciągu 2 dni roboczych. Proszę zachować numer sprawy na wypadek kontaktu z nami.
