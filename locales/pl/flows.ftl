# What flows say in Polish whatever the intent: buttons, corrections, commands,
# and the words answers are read with. The lists at the end are the words Polish
# speakers type, not translations of the English lists. They are
# comma-separated; `|` separates other ways of writing the same item (the first
# is shown in dates, so months come first in the genitive: "14 marca 2026").
# The bot never speaks of itself in the past tense, which would need a gender.

button-yes = Tak
button-no = Nie
button-cancel = Anuluj
button-carry-on = Kontynuuj

flow-cancelled = W porządku, anulowano. Czy mogę jeszcze w czymś pomóc?
flow-restarted = Nie ma problemu, zacznijmy od nowa.
flow-confirm-no = Nie ma problemu, przejdźmy przez to jeszcze raz.
flow-switch-offer = Wygląda na to, że chodzi o inną sprawę: „{ $other }”. Czy zająć się nią zamiast sprawy „{ $current }”?
flow-action-failed = Przepraszam, nie udało się tego teraz zapisać. Proszę spróbować ponownie za kilka minut albo porozmawiać z pracownikiem.
intent-clarify = Przepraszam, nie wiem na pewno, o co chodzi. Czy o którąś z tych spraw?
command-nothing-to-cancel = Nie ma nic do anulowania. W czym mogę pomóc?
command-choose-language = W jakim języku prowadzić rozmowę?
slot-too-many-tries = Mam kłopot z odczytaniem tej odpowiedzi. Może lepiej porozmawiać z pracownikiem albo na razie anulować?

slot-invalid-text = Przepraszam, potrzebuję choć kilku słów. Proszę wpisać odpowiedź.
slot-invalid-number = Przepraszam, tutaj potrzebna jest liczba, np. 3.
slot-invalid-number-range = Liczba musi mieścić się w przedziale od { $min } do { $max }.
slot-invalid-date = Przepraszam, nie mogę odczytać tej daty. Można ją wpisać np. jako 14/03/2026 lub 14 marca albo napisać „wczoraj”.
slot-invalid-date-future = Ta data jest w przyszłości. Proszę podać dzisiejszą lub wcześniejszą datę.
slot-invalid-date-past = Ta data już minęła. Proszę podać dzisiejszą lub późniejszą datę.
slot-invalid-time = Przepraszam, nie mogę odczytać tej godziny. Można ją wpisać np. jako 14:30 lub 14.30.
slot-invalid-postcode = To nie wygląda na brytyjski kod pocztowy (postcode). Powinien wyglądać mniej więcej tak: CF10 3AB.
slot-invalid-email = To nie wygląda na adres e-mail. Powinien wyglądać mniej więcej tak: imie@example.com.
slot-invalid-phone = To nie wygląda na brytyjski numer telefonu. Proszę podać cały numer, np. 07700 900123.
slot-invalid-choice = Przepraszam, nie wiem, o którą opcję chodzi. Proszę wybrać jedną z podanych.
slot-invalid-yes-no = Przepraszam, czy to znaczy „tak”, czy „nie”?
slot-invalid-reference = To nie wygląda na nasz numer zgłoszenia. Nasze numery wyglądają tak: CB-7K3Q-9X.

# These follow "Sprawa … i jest obecnie" in intent-case-status-found.
case-status-open = w kolejce do rozpatrzenia
case-status-in-progress = w trakcie realizacji
case-status-closed = zamknięta

answer-yes = tak, tak jest, no tak, jasne, oczywiście, zgadza się, dokładnie, dobrze, okej|oki, pewnie, potwierdzam, prawda, racja, owszem, właśnie tak, poprawnie, chętnie, nie ma problemu, nie ma sprawy
answer-no = nie, nie dziękuję, nie trzeba, nie zgadza się, niezgodne, źle, błąd, błędnie, nieprawda, nie tak, raczej nie, absolutnie nie, niepoprawnie
date-today = dzisiaj|dziś, dzisiaj rano|dziś rano, dzisiaj wieczorem|dziś wieczorem
date-yesterday = wczoraj, wczoraj wieczorem, zeszłej nocy, ostatniej nocy
date-tomorrow = jutro
date-months = stycznia|styczeń|sty, lutego|luty|lut, marca|marzec|mar, kwietnia|kwiecień|kwi, maja|maj, czerwca|czerwiec|cze, lipca|lipiec|lip, sierpnia|sierpień, września|wrzesień|wrz, października|październik|paź, listopada|listopad|lis, grudnia|grudzień|gru
date-weekdays = poniedziałek|poniedziałku|pon, wtorek|wtorku|wt, środa|środę|środy|śr, czwartek|czwartku|czw, piątek|piątku|pt, sobota|sobotę|soboty|sob, niedziela|niedzielę|niedzieli|niedz|ndz
