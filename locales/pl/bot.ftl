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

# Rozmowa z pracownikiem. $position to miejsce w kolejce (1 to następna
# osoba), $minutes szacowany czas oczekiwania, $name imię pracownika.
handoff-queued = Przekazuję rozmowę naszemu pracownikowi. Jest Pan/Pani { $position }. w kolejce, a czas oczekiwania to około { $minutes } min. Można dalej pisać tutaj: pracownik zobaczy wszystko, gdy dołączy.
handoff-place = Miejsce w kolejce: { $position }. Szacowany czas oczekiwania: { $minutes } min.
handoff-agent-joined = Do rozmowy dołączył(a) { $name } z urzędu.
handoff-handed-back = { $name } przekazał(a) rozmowę z powrotem automatycznemu asystentowi. Proszę pytać o cokolwiek albo w każdej chwili znowu poprosić o rozmowę z pracownikiem.
handoff-closed = { $name } zakończył(a) rozmowę. Dziękujemy za kontakt. Jeśli potrzebuje Pan/Pani czegoś jeszcze, proszę pytać.
handoff-agent-lost = Straciliśmy połączenie z: { $name }, więc rozmowa wróciła do kolejki. Ktoś wkrótce ją podejmie.
handoff-transferred = { $name } przekazał(a) rozmowę współpracownikom, którzy zajmują się tą sprawą. Rozmowa wróciła do kolejki i wkrótce ktoś z nich dołączy.
handoff-left-queue = Opuścił(a) Pan/Pani kolejkę. Jestem tutaj, jeśli będzie potrzebne coś jeszcze.
handoff-left-chat = Rozmowa z: { $name } została zakończona. Jestem tutaj, jeśli będzie potrzebne coś jeszcze.
handoff-already-waiting = Jest Pan/Pani już w kolejce do pracownika. Dołączy on do rozmowy najszybciej, jak to możliwe.
handoff-already-with-agent = Trwa rozmowa z: { $name } z urzędu. Aby ją zakończyć, proszę napisać „anuluj”.
handoff-ended-away = Rozmowa z naszym pracownikiem zakończyła się podczas Pana/Pani nieobecności. Jestem tutaj, jeśli będzie potrzebne coś jeszcze.
handoff-unavailable-closed = Nasz zespół nie jest teraz dostępny na czacie (pracujemy: { -council-hours }).
handoff-unavailable-busy = Przepraszamy, w tej chwili nikt z naszego zespołu nie może rozmawiać na czacie.
handoff-unavailable-error = Przepraszamy, w tej chwili nie mogę połączyć z naszym zespołem.
