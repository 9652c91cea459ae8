# Glanafon County Council, the demo council: its name and contact details in
# Polish. Other messages use these terms, e.g. { -council-phone }. Phone numbers
# are in Ofcom's range for drama (01632 960xxx): a real council puts its own here.
# -council-name is in the nominative case: write messages so that it stays so.

-council-name = Rada Hrabstwa Glanafon
-council-phone = 01632 960 100
-council-email = contact@glanafon.example
-council-website = https://www.glanafon.example
-council-hours = od poniedziałku do piątku, 8:30–17:00
# Staffed day and night for emergencies: homelessness, dangerous structures, flooding.
-council-emergency-line = 01632 960 999

language-name = Polski
