# What the bot says in Polish. Keep the tone warm, plain and short: residents
# read these on a phone, often when something has gone wrong.

greeting =
    Dzień dobry! Tu { -council-name }. Jestem automatycznym asystentem i odpowiadam przez całą dobę.
    Proszę pytać o odbiór śmieci, podatek lokalny (council tax), parkowanie, sprawy mieszkaniowe lub cokolwiek innego – własnymi słowami. Można też poprosić o rozmowę z pracownikiem.

language-changed = Nie ma problemu, od teraz piszę w wybranym języku ({ $language }).
language-auto = Proszę pisać w dowolnym z naszych języków – odpowiem w tym samym.
language-not-available = Przepraszam, nie mogę jeszcze rozmawiać w języku „{ $code }”, więc dalej będę pisać po polsku.

fallback-not-sure = Przepraszam, nie wiem, czy dobrze to rozumiem. Czy można napisać to inaczej? Najlepiej sprawdzają się krótkie pytania, np. „Kiedy odbierają moje śmieci?”
fallback-offer-person = Nadal nie wiem, jak w tym pomóc. Może lepiej porozmawiać z naszym pracownikiem?
button-speak-to-person = Rozmowa z pracownikiem

handoff-contact = Nasz dział obsługi klienta chętnie pomoże. Proszę zadzwonić pod numer { -council-phone } ({ -council-hours }) lub napisać na adres { -council-email }. W nagłych sprawach poza tymi godzinami proszę dzwonić pod numer { -council-emergency-line }.

resume-not-found = Nie udało się odnaleźć wcześniejszej rozmowy (mogła wygasnąć), więc zaczynamy nową.

faq-reviewed = Ostatnio sprawdzone przez urząd: { $date }.
faq-in-other-language =
    { $code ->
        [en] Ta odpowiedź jest dostępna tylko po angielsku, dlatego podaję ją po angielsku.
        [cy] Ta odpowiedź jest dostępna tylko po walijsku, dlatego podaję ją po walijsku.
       *[other] Ta odpowiedź jest dostępna tylko w tym języku: { $language }.
    }
