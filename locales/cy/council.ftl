# Glanafon County Council, the demo council: its name and contact details in
# Welsh. Other messages use these terms, e.g. { -council-phone }. Phone numbers
# are in Ofcom's range for drama (01632 960xxx): a real council puts its own here.

-council-name = Cyngor Sir Glanafon
-council-phone = 01632 960 100
-council-email = contact@glanafon.example
-council-website = https://www.glanafon.example
-council-hours = dydd Llun i ddydd Gwener, 8:30yb i 5yp
# Staffed day and night for emergencies: homelessness, dangerous structures, flooding.
-council-emergency-line = 01632 960 999

language-name = Cymraeg
